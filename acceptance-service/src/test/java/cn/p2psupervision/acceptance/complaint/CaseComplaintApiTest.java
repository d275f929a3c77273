package cn.p2psupervision.acceptance.complaint;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * ACC-09/ACC-10 for the regulators: who reads the complaints against a case and who sees the complainant's contact
 * (only the registration province's office, which handles them), and the resolution — found true revokes the notice
 * and the case is OPEN again; either way the open count goes down, and filing waits until none is open.
 */
@AcceptanceApiTest
class CaseComplaintApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseService cases;
    @Autowired
    AuditTrail audit;
    @Autowired
    MutableClock clock;
    @MockitoBean
    ClassificationFacts classification;

    CaseDriver driver;
    InstitutionReference institution;
    String base;

    @BeforeEach
    void aZhejiangInstitutionDoingBusinessInGuangdong() {
        clock.setDay("2018-03-20");
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
        driver = new CaseDriver(cases, clock);
        String id = AcceptanceApiSupport.newInstitutionId();
        institution = AcceptanceApiSupport.institution(id, "33", "44");
        references.apply(List.of(institution));
        base = "/api/v1/acceptance/cases/" + id;
    }

    JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        String body = response.getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    /** Lodges a complaint through the public door, from an address of its own; its receipt number. */
    String lodge(String contact) throws Exception {
        JsonNode lodged = send(post(PublicComplaintApiTest.COMPLAINTS).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", PublicComplaintApiTest.newAddress())
                .content("{\"creditCode\":\"" + institution.creditCode() + "\",\"text\":\"公示期间仍在发标\""
                        + (contact == null ? "" : ",\"contact\":\"" + contact + "\"") + "}"), TestCaller.ANONYMOUS,
                201);
        return lodged.get("receiptNumber").asString();
    }

    /** A resolution based on the case's {@code caseVersion}; none in If-Match when null. */
    MockHttpServletRequestBuilder resolution(String receipt, boolean foundTrue, Long caseVersion) {
        MockHttpServletRequestBuilder request = post(base + "/complaints/" + receipt + "/resolution")
                .contentType(MediaType.APPLICATION_JSON);
        if (caseVersion != null) {
            request.header("If-Match", "\"" + caseVersion + "\"");
        }
        return request.content("{\"foundTrue\":" + foundTrue + ",\"reply\":\"经核查，" + (foundTrue ? "情况属实" : "查无实据")
                        + "。\"}");
    }

    long version() {
        return cases.find(institution.id()).orElseThrow().version();
    }

    @Test
    void acc10_theContactIsShownOnlyToTheRegistrationProvincesOffice() throws Exception {
        driver.passed(institution);
        String receipt = lodge("王先生 138-0000-0000");

        JsonNode zhejiang = send(get(base + "/complaints"), TestCaller.ZJ_OFFICER, 200);
        JsonNode guangdong = send(get(base + "/complaints"), TestCaller.GD_OFFICER, 200);
        JsonNode central = send(get(base + "/complaints"), TestCaller.CENTRAL, 200);

        assertThat(zhejiang.at("/0/receiptNumber").asString()).isEqualTo(receipt);
        assertThat(zhejiang.at("/0/text").asString()).isEqualTo("公示期间仍在发标");
        assertThat(zhejiang.at("/0/contact").asString()).isEqualTo("王先生 138-0000-0000");
        assertThat(zhejiang.at("/0/contactWithheld").asBoolean()).isFalse();
        for (JsonNode reader : List.of(guangdong, central)) {
            assertThat(reader.get(0).has("contact")).isFalse();
            assertThat(reader.at("/0/contactWithheld").asBoolean()).isTrue();
            assertThat(reader.at("/0/text").asString()).isEqualTo("公示期间仍在发标");
            assertThat(reader.toString()).doesNotContain("138-0000-0000", "secret");
        }
    }

    @Test
    void acc09_aComplaintFoundTrueRevokesTheNoticeAndTheCaseIsOpenAgain() throws Exception {
        driver.passed(institution);
        String receipt = lodge(null);
        long before = version();

        MockHttpServletResponse response = mvc.perform(resolution(receipt, true, before)
                .with(TestCaller.ZJ_OFFICER.auth())).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode resolved = json.readTree(response.getContentAsString());
        assertThat(resolved.at("/complaint/state").asString()).isEqualTo("FOUND_TRUE");
        assertThat(resolved.at("/complaint/resolvedBy/username").asString()).isEqualTo("zj-officer");
        assertThat(resolved.at("/acceptanceCase/state").asString()).isEqualTo("OPEN");
        assertThat(resolved.at("/acceptanceCase/openComplaints").asInt()).isZero();
        AcceptanceCase after = cases.find(institution.id()).orElseThrow();
        assertThat(response.getHeader("ETag")).isEqualTo("\"" + after.version() + "\"");
        assertThat(after.state().name()).isEqualTo("OPEN");
        assertThat(after.currentNotice().orElseThrow().revokedBy()).contains(receipt);
        // the public no longer finds it under notice, and no new complaint is taken
        JsonNode notices = send(get("/api/v1/public/notices").param("q", institution.creditCode()),
                TestCaller.ANONYMOUS, 200);
        assertThat(notices.get("totalElements").asLong()).isZero();
        send(post(PublicComplaintApiTest.COMPLAINTS).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", PublicComplaintApiTest.newAddress())
                .content("{\"institutionId\":\"" + institution.id() + "\",\"text\":\"再次投诉\"}"),
                TestCaller.ANONYMOUS, 422);
        List<AuditEntry> trail = audit.trailOf(ComplaintService.ENTITY, receipt);
        assertThat(trail).extracting(AuditEntry::action).containsExactly("FIND_COMPLAINT_TRUE");
        assertThat(trail.get(0).username()).isEqualTo("zj-officer");
    }

    @Test
    void acc09_filingIsRefusedWhileAComplaintIsOpenAndFollowsOnceItIsFoundUnfounded() throws Exception {
        driver.certified(institution);
        String receipt = lodge("lender@example.com");

        JsonNode refused = send(post(base + "/filing").header("If-Match", "\"" + version() + "\""),
                TestCaller.ZJ_OFFICER, 422);
        assertThat(refused.get("rule").asString()).isEqualTo("ACC-09");

        JsonNode resolved = send(resolution(receipt, false, version()), TestCaller.ZJ_OFFICER, 200);
        assertThat(resolved.at("/complaint/state").asString()).isEqualTo("UNFOUNDED");
        assertThat(resolved.at("/acceptanceCase/state").asString()).isEqualTo("CERTIFIED");
        assertThat(resolved.at("/acceptanceCase/openComplaints").asInt()).isZero();
        JsonNode filed = send(post(base + "/filing").header("If-Match", "\"" + version() + "\""),
                TestCaller.ZJ_OFFICER, 200);
        assertThat(filed.get("state").asString()).isEqualTo("FILED");
    }

    @Test
    void acc09_theResolutionIsTheRegistrationProvincesOnceOnTheCurrentVersionOfTheCase() throws Exception {
        driver.passed(institution);
        String receipt = lodge(null);
        long current = version();

        send(resolution(receipt, true, null), TestCaller.ZJ_OFFICER, 428);
        send(resolution(receipt, true, current - 1), TestCaller.ZJ_OFFICER, 412);
        send(resolution(receipt, true, current), TestCaller.GD_OFFICER, 403);
        send(resolution(receipt, true, current), TestCaller.CENTRAL, 403);
        send(resolution("TS-20180320-ZZZZZZ", true, current), TestCaller.ZJ_OFFICER, 404);
        JsonNode noFinding = send(post(base + "/complaints/" + receipt + "/resolution")
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"" + current + "\"")
                .content("{\"reply\":\"?\"}"), TestCaller.ZJ_OFFICER, 400);
        assertThat(noFinding.at("/errors/0/field").asString()).isEqualTo("foundTrue");
        JsonNode noReply = send(post(base + "/complaints/" + receipt + "/resolution")
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"" + current + "\"")
                .content("{\"foundTrue\":false}"), TestCaller.ZJ_OFFICER, 400);
        assertThat(noReply.at("/errors/0/field").asString()).isEqualTo("reply");
        // nothing of the refused attempts stuck: the complaint is open and the case unchanged
        assertThat(send(get(base + "/complaints"), TestCaller.ZJ_OFFICER, 200).at("/0/state").asString())
                .isEqualTo("OPEN");
        assertThat(version()).isEqualTo(current);

        send(resolution(receipt, false, current), TestCaller.ZJ_OFFICER, 200);
        JsonNode again = send(resolution(receipt, true, version()), TestCaller.ZJ_OFFICER, 409);
        assertThat(again.get("detail").asString()).contains("already resolved");
    }

    @Test
    void acc09_theComplainantReadsTheReplyOnceTheComplaintIsResolved() throws Exception {
        driver.passed(institution);
        JsonNode lodged = send(post(PublicComplaintApiTest.COMPLAINTS).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", PublicComplaintApiTest.newAddress())
                .content("{\"institutionId\":\"" + institution.id() + "\",\"text\":\"平台拖延兑付\"}"),
                TestCaller.ANONYMOUS, 201);
        String receipt = lodged.get("receiptNumber").asString();
        clock.setDay("2018-03-22");

        send(resolution(receipt, false, version()), TestCaller.ZJ_OFFICER, 200);

        JsonNode status = send(get(PublicComplaintApiTest.COMPLAINTS + "/" + receipt)
                .header("Complaint-Secret", lodged.get("secret").asString()), TestCaller.ANONYMOUS, 200);
        assertThat(status.get("state").asString()).isEqualTo("UNFOUNDED");
        assertThat(status.get("reply").asString()).isEqualTo("经核查，查无实据。");
        assertThat(status.get("submittedOn").asString()).isEqualTo("2018-03-20");
        assertThat(status.get("resolvedOn").asString()).isEqualTo("2018-03-22");
    }

    @Test
    void auth02_anotherProvinceSeesNoComplaintOfACaseItCannotRead() throws Exception {
        InstitutionReference guangdongOnly = AcceptanceApiSupport.institution(
                AcceptanceApiSupport.newInstitutionId(), "44");
        references.apply(List.of(guangdongOnly));
        driver.passed(guangdongOnly);

        send(get("/api/v1/acceptance/cases/" + guangdongOnly.id() + "/complaints"), TestCaller.ZJ_OFFICER, 404);
        send(get("/api/v1/acceptance/cases/" + guangdongOnly.id() + "/complaints"), TestCaller.GD_OFFICER, 200);
        send(get(base + "/complaints"), TestCaller.ZJ_OFFICER, 404); // no case yet
    }
}
