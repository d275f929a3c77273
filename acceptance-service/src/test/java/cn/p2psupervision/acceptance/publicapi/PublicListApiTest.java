package cn.p2psupervision.acceptance.publicapi;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.CaseDriver;
import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * AUTH-06 with ACC-08 and ACC-12: the public lists, read without a token — who is under notice and who is filed, found
 * by name or credit code, with an ETag, public caching and 304; and nothing of a case but what the public may know.
 */
@AcceptanceApiTest
class PublicListApiTest {

    static final String NOTICES = "/api/v1/public/notices";
    static final String FILED = "/api/v1/public/filed";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseService cases;
    @Autowired
    MutableClock clock;
    @MockitoBean
    ClassificationFacts classification;

    CaseDriver driver;

    @BeforeEach
    void campaignDay() {
        clock.setDay("2018-03-20");
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
        driver = new CaseDriver(cases, clock);
    }

    InstitutionReference institution(String province) {
        InstitutionReference institution = AcceptanceApiSupport.institution(AcceptanceApiSupport.newInstitutionId(),
                province);
        references.apply(List.of(institution));
        return institution;
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestCaller.ANONYMOUS.auth())).andReturn().getResponse();
    }

    JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = call(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    @Test
    void auth06_acc08_theInstitutionsUnderNoticeAreListedWithTheirNoticeAndNothingElse() throws Exception {
        InstitutionReference onNotice = institution("33");
        AcceptanceCase passed = driver.passed(onNotice);
        InstitutionReference stillOpen = institution("33");
        driver.open(stillOpen);

        JsonNode page = read(get(NOTICES).param("q", onNotice.creditCode()));

        assertThat(page.propertyNames()).containsExactlyInAnyOrder("content", "page", "size", "totalElements");
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        JsonNode entry = page.at("/content/0");
        assertThat(entry.propertyNames()).containsExactlyInAnyOrder("institutionName", "creditCode",
                "registeredProvince", "registeredProvinceName", "noticeNumber", "startedOn", "earliestEndOn");
        assertThat(entry.get("institutionName").asString()).isEqualTo(onNotice.name());
        assertThat(entry.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(entry.get("registeredProvinceName").asString()).isEqualTo("浙江");
        assertThat(entry.get("noticeNumber").asString()).isEqualTo(passed.currentNotice().orElseThrow().number());
        assertThat(entry.get("startedOn").asString()).isEqualTo("2018-03-20");
        assertThat(entry.get("earliestEndOn").asString()).isEqualTo("2018-04-04");
        assertThat(read(get(NOTICES).param("q", stillOpen.creditCode())).get("totalElements").asLong()).isZero();
    }

    @Test
    void auth06_theListsAreFoundByNameSubstringOrCreditCodeAndPaged() throws Exception {
        InstitutionReference first = institution("44");
        InstitutionReference second = institution("44");
        driver.passed(first);
        driver.passed(second);

        // the names are "测试网贷平台 <id>": a part of the id finds one, the common part finds both
        assertThat(read(get(NOTICES).param("q", first.id().substring(2))).at("/content/0/creditCode").asString())
                .isEqualTo(first.creditCode());
        assertThat(read(get(NOTICES).param("q", second.creditCode().toLowerCase())).at("/content/0/institutionName")
                .asString()).isEqualTo(second.name());
        JsonNode both = read(get(NOTICES).param("q", "测试网贷平台").param("size", "1").param("page", "1"));
        assertThat(both.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(both.get("content")).hasSize(1);
        assertThat(both.get("page").asInt()).isEqualTo(1);

        assertThat(json.readTree(call(get(NOTICES).param("size", "0")).getContentAsString())
                .at("/errors/0/field").asString()).isEqualTo("size");
        assertThat(call(get(NOTICES).param("q", "x".repeat(101))).getStatus()).isEqualTo(400);
    }

    @Test
    void auth06_theListsCarryAnETagAndPublicCachingAndIfNoneMatchIsAnswered304WithoutABody() throws Exception {
        driver.passed(institution("33"));
        MockHttpServletResponse first = call(get(NOTICES));
        String etag = first.getHeader("ETag");

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(etag).matches("\"n-[0-9a-f]{16}\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("max-age=60, public");
        MockHttpServletResponse again = call(get(NOTICES).param("q", "浙江").header("If-None-Match", etag));
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(again.getHeader("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(call(get(NOTICES).header("If-None-Match", "W/" + etag)).getStatus()).isEqualTo(304);

        // another institution goes on notice: the list changed, so does its ETag
        driver.passed(institution("33"));
        MockHttpServletResponse changed = call(get(NOTICES).header("If-None-Match", etag));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void auth06_acc12_aFiledInstitutionLeavesTheNoticeListForTheFiledList() throws Exception {
        InstitutionReference institution = institution("33");
        AcceptanceCase certified = driver.certified(institution);
        assertThat(read(get(NOTICES).param("q", institution.creditCode())).get("totalElements").asLong())
                .isEqualTo(1);
        String filedEtag = call(get(FILED)).getHeader("ETag");

        cases.file(CaseDriver.officer(institution), institution.id(), certified.version());

        assertThat(read(get(NOTICES).param("q", institution.creditCode())).get("totalElements").asLong()).isZero();
        MockHttpServletResponse response = call(get(FILED).param("q", institution.creditCode()));
        assertThat(response.getHeader("ETag")).matches("\"f-[0-9a-f]{16}\"").isNotEqualTo(filedEtag);
        JsonNode entry = json.readTree(response.getContentAsString()).at("/content/0");
        assertThat(entry.propertyNames()).containsExactlyInAnyOrder("institutionName", "creditCode",
                "registeredProvince", "registeredProvinceName", "filedOn");
        assertThat(entry.get("filedOn").asString()).isEqualTo("2018-03-20");
        assertThat(entry.get("institutionName").asString()).isEqualTo(institution.name());
    }

    @Test
    void auth06_theListsAreOpenToEveryoneAndAnswerTheSameWithAToken() throws Exception {
        driver.passed(institution("33"));
        String anonymous = read(get(NOTICES)).toString();

        MockHttpServletResponse withToken = mvc.perform(get(NOTICES).with(TestCaller.GD_OFFICER.auth()))
                .andReturn().getResponse();

        assertThat(withToken.getStatus()).isEqualTo(200);
        assertThat(json.readTree(withToken.getContentAsString()).toString()).isEqualTo(anonymous);
    }
}
