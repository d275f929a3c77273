package cn.p2psupervision.classification.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.test.TestCaller;
import cn.p2psupervision.platform.time.ClockAutoConfiguration;

/**
 * CLS-10: the provinces' heads file their summary reports (检查、查处、整改情况总结, AUTH-04) and the central office
 * sees which provinces are late. The domain clock is set to the moment of each step.
 */
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.registry-feed.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
@AutoConfigureMockMvc
class ScheduleSummaryReportsApiTest {

    private static final String PATH = "/api/v1/classification/summary-reports";

    @TestConfiguration
    static class SettableDomainClock {
        @Bean
        MutableClock clock() {
            return new MutableClock("2017-01-20T10:00:00+08:00", ClockAutoConfiguration.CAMPAIGN_ZONE);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void nothingFiledOnTheDefaultSchedule() {
        mongo.remove(new Query(), SummaryReportStore.COLLECTION);
        mongo.remove(new Query(), ScheduleStore.COLLECTION);
        mongo.remove(Query.query(Criteria.where("entityType").in(SummaryReportService.AUDIT_TYPE,
                CampaignScheduleService.AUDIT_TYPE)), "audit_trail");
        clock.set("2017-01-20T10:00:00+08:00");
    }

    @Test
    void cls10_aProvincesHeadFilesItsSummaryReport() throws Exception {
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("浙江省网贷风险专项整治检查、查处、整改情况总结", "ZJ-2017-001"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", PATH + "/33"))
                .andExpect(jsonPath("$.province").value("33"))
                .andExpect(jsonPath("$.provinceName").value("浙江"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.text").value("浙江省网贷风险专项整治检查、查处、整改情况总结"))
                .andExpect(jsonPath("$.documents[0]").value("ZJ-2017-001"))
                .andExpect(jsonPath("$.filedBy").value("zj-head-finance"))
                .andExpect(jsonPath("$.filedAt").value("2017-01-20T02:00:00Z"));

        for (TestCaller reader : List.of(TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_REGULATOR, TestCaller.CENTRAL)) {
            mvc.perform(get(PATH + "/33").with(reader.auth()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.version").value(1));
        }
        for (TestCaller outOfScope : List.of(TestCaller.GD_OFFICER, TestCaller.GD_HEAD_FINANCE)) {
            mvc.perform(get(PATH + "/33").with(outOfScope.auth())).andExpect(status().isNotFound());
        }
        mvc.perform(get(PATH + "/33").with(TestCaller.PUBLIC_SECURITY.auth())).andExpect(status().isForbidden());
        mvc.perform(get(PATH + "/33").with(TestCaller.ANONYMOUS.auth())).andExpect(status().isUnauthorized());
        mvc.perform(get(PATH + "/33").with(TestCaller.ZJ_OFFICER.auth()).header("If-None-Match", "\"1\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void auth04_onlyTheProvincesHeadFilesAndAnotherProvinceIsOutOfScope() throws Exception {
        file(TestCaller.ZJ_OFFICER, "33", null, report("by an officer", null)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("A province's head (负责同志) files its summary report (CLS-10, AUTH-04)"));
        file(TestCaller.CENTRAL, "33", null, report("by central", null)).andExpect(status().isForbidden());
        file(TestCaller.GD_HEAD_FINANCE, "33", null, report("by Guangdong's head", null)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:p2p-supervision:problem:not-found"));
        file(TestCaller.GD_OFFICER, "33", null, report("by Guangdong's officer", null)).andExpect(status().isNotFound());
        file(TestCaller.PUBLIC_SECURITY, "33", null, report("by an agency", null)).andExpect(status().isForbidden());
        file(TestCaller.ANONYMOUS, "33", null, report("anonymous", null)).andExpect(status().isUnauthorized());
        file(TestCaller.ZJ_HEAD_FINANCE, "99", null, report("no such province", null)).andExpect(status().isNotFound());
        mvc.perform(get(PATH + "/99").with(TestCaller.CENTRAL.auth())).andExpect(status().isNotFound());

        mvc.perform(get(PATH + "/33").with(TestCaller.ZJ_OFFICER.auth())).andExpect(status().isNotFound());
        mvc.perform(get(PATH + "/33").with(TestCaller.CENTRAL.auth())).andExpect(status().isNotFound());
        assertThat(mongo.getCollection(SummaryReportStore.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void cls10_filingAgainReplacesTheReportWithANewVersionBasedOnTheOneRead() throws Exception {
        // nothing filed yet: no version to be based on
        file(TestCaller.ZJ_HEAD_FINANCE, "33", "\"1\"", report("first", "ZJ-1")).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(0));
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("first", "ZJ-1")).andExpect(status().isCreated());
        clock.set("2017-01-25T15:00:00+08:00");

        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("second", "ZJ-2")).andExpect(status().isPreconditionRequired());
        file(TestCaller.ZJ_HEAD_FINANCE, "33", "\"2\"", report("second", "ZJ-2")).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));
        file(TestCaller.ZJ_HEAD_REGULATOR, "33", "\"1\"", report("second", "ZJ-2"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.text").value("second"))
                .andExpect(jsonPath("$.filedBy").value("zj-head-regulator"))
                .andExpect(jsonPath("$.filedAt").value("2017-01-25T07:00:00Z"));
        file(TestCaller.ZJ_HEAD_FINANCE, "33", "\"1\"", report("stale", null)).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(2));

        mvc.perform(get(PATH + "/33").with(TestCaller.CENTRAL.auth()))
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.text").value("second"));
        mvc.perform(get(PATH + "/33/history").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].text").value("first"))
                .andExpect(jsonPath("$[0].documents[0]").value("ZJ-1"))
                .andExpect(jsonPath("$[1].version").value(2))
                .andExpect(jsonPath("$[1].text").value("second"));
        mvc.perform(get(PATH + "/33/history").with(TestCaller.GD_OFFICER.auth())).andExpect(status().isNotFound());
    }

    @Test
    void cls10_aReportIsValidatedNamingTheMember() throws Exception {
        refused("{\"documents\": [\"ZJ-1\"]}", "text");
        refused("{\"text\": \"  \"}", "text");
        refused("{\"text\": 42}", "text");
        refused("{\"text\": \"%s\"}".formatted("x".repeat(20_001)), "text");
        refused("{\"text\": \"ok\", \"documents\": \"ZJ-1\"}", "documents");
        refused("{\"text\": \"ok\", \"documents\": [7]}", "documents[0]");
        refused("{\"text\": \"ok\", \"documents\": [\"ZJ-1\", \"\"]}", "documents[1]");
        refused("{\"text\": \"ok\", \"documents\": [\"%s\"]}".formatted("d".repeat(201)), "documents[0]");
        refused("{\"text\": \"ok\", \"documents\": %s}".formatted(references(51)), "documents");
        refused("{\"text\": \"ok\", \"filedAt\": \"2017-01-01T00:00:00Z\"}", "filedAt");
        refused("{\"text\": \"bad\\u0000char\"}", "text");
        assertThat(mongo.getCollection(SummaryReportStore.COLLECTION).countDocuments()).isZero();

        // a long report (beyond the platform's general 10,000 characters) with 50 documents is accepted
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, "{\"text\": \"%s\", \"documents\": %s}"
                .formatted("总".repeat(20_000), references(50)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documents.length()").value(50));
    }

    @Test
    void cls10_aProvinceThatFiledAfterTheDueDateIsLateByTheDaysBetween() throws Exception {
        // Zhejiang files on time, Guangdong four days late: after midnight in China, still 2017-02-03 in UTC
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("on time", null)).andExpect(status().isCreated());
        clock.set("2017-02-04T00:30:00+08:00");
        file(TestCaller.GD_HEAD_FINANCE, "44", null, report("late", null)).andExpect(status().isCreated());
        clock.set("2017-02-10T09:00:00+08:00");

        MvcResult table = mvc.perform(get(PATH).with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(31))
                .andExpect(jsonPath("$[0].province").value("11"))
                .andExpect(jsonPath("$[0].provinceName").value("北京"))
                .andExpect(jsonPath("$[0].filedOn").doesNotExist())
                .andExpect(jsonPath("$[0].dueOn").value("2017-01-31"))
                .andExpect(jsonPath("$[0].daysLate").value(10))
                .andExpect(jsonPath("$[0].late").value(true))
                .andExpect(jsonPath("$[28].province").value("65"))
                .andExpect(jsonPath("$[28].daysLate").value(10))
                .andExpect(jsonPath("$[29].province").value("44"))
                .andExpect(jsonPath("$[29].provinceName").value("广东"))
                .andExpect(jsonPath("$[29].filedOn").value("2017-02-04"))
                .andExpect(jsonPath("$[29].daysLate").value(4))
                .andExpect(jsonPath("$[29].late").value(true))
                .andExpect(jsonPath("$[30].province").value("33"))
                .andExpect(jsonPath("$[30].filedOn").value("2017-01-20"))
                .andExpect(jsonPath("$[30].daysLate").value(0))
                .andExpect(jsonPath("$[30].late").value(false))
                .andExpect(jsonPath("$[*].dueOn", everyItem(is("2017-01-31"))))
                .andReturn();

        List<String> unfiled = new ArrayList<>();
        for (Province province : Province.values()) {
            if (!province.code().equals("33") && !province.code().equals("44")) {
                unfiled.add(province.code());
            }
        }
        unfiled.add("44");
        unfiled.add("33");
        mvc.perform(get(PATH).with(TestCaller.CENTRAL.auth()))
                .andExpect(jsonPath("$[*].province", contains(unfiled.toArray())));
        assertThat(table.getResponse().getContentAsString()).doesNotContain("Exception");
    }

    @Test
    void cls10_latenessIsAsOfADay() throws Exception {
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("on time", null)).andExpect(status().isCreated());
        clock.set("2017-02-04T00:30:00+08:00");
        file(TestCaller.GD_HEAD_FINANCE, "44", null, report("late", null)).andExpect(status().isCreated());
        clock.set("2017-02-10T09:00:00+08:00");

        // on the due date nobody is late yet, and Guangdong had not filed
        mvc.perform(get(PATH).param("asOf", "2017-01-31").with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].daysLate", everyItem(is(0))))
                .andExpect(jsonPath("$[*].late", everyItem(is(false))))
                .andExpect(jsonPath("$[?(@.province == '44')].filedOn", contains((Object) null)))
                .andExpect(jsonPath("$[?(@.province == '33')].filedOn", contains("2017-01-20")));
        mvc.perform(get(PATH).param("asOf", "2017-02-02").with(TestCaller.CENTRAL.auth()))
                .andExpect(jsonPath("$[?(@.province == '44')].daysLate", contains(2)))
                .andExpect(jsonPath("$[?(@.province == '11')].daysLate", contains(2)))
                .andExpect(jsonPath("$[?(@.province == '33')].daysLate", contains(0)));
        mvc.perform(get(PATH).param("asOf", "2017-13-01").with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void cls10_beforeTheDueDateNoProvinceIsLate() throws Exception {
        mvc.perform(get(PATH).with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(31))
                .andExpect(jsonPath("$[*].daysLate", everyItem(is(0))))
                .andExpect(jsonPath("$[0].province").value("11"))
                .andExpect(jsonPath("$[30].province").value("65"));
    }

    @Test
    void cls10_onlyTheCentralOfficeSeesWhichProvincesAreLate() throws Exception {
        for (TestCaller caller : List.of(TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_FINANCE, TestCaller.GD_HEAD_FINANCE,
                TestCaller.TELECOM)) {
            mvc.perform(get(PATH).with(caller.auth())).andExpect(status().isForbidden());
        }
        mvc.perform(get(PATH).with(TestCaller.ANONYMOUS.auth())).andExpect(status().isUnauthorized());
    }

    @Test
    void cls10_theDueDateIsTheSchedulesAndAReplacementKeepsTheFirstFilingDay() throws Exception {
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("on time", null)).andExpect(status().isCreated());
        clock.set("2017-02-04T10:00:00+08:00");
        file(TestCaller.GD_HEAD_FINANCE, "44", null, report("late", null)).andExpect(status().isCreated());
        clock.set("2017-02-08T10:00:00+08:00");
        file(TestCaller.ZJ_HEAD_FINANCE, "33", "\"1\"", report("corrected", null)).andExpect(status().isOk());
        mvc.perform(put(ScheduleApiTest.PATH).with(TestCaller.CENTRAL.auth()).header("If-Match", "\"1\"")
                        .contentType("application/json").content(ScheduleApiTest.schedule("2017-02-05", "extended")))
                .andExpect(status().isOk());
        clock.set("2017-02-10T09:00:00+08:00");

        mvc.perform(get(PATH).with(TestCaller.CENTRAL.auth()))
                .andExpect(jsonPath("$[*].dueOn", everyItem(is("2017-02-05"))))
                .andExpect(jsonPath("$[0].daysLate").value(5))
                .andExpect(jsonPath("$[?(@.province == '44')].daysLate", contains(0)))
                .andExpect(jsonPath("$[?(@.province == '44')].filedOn", contains("2017-02-04")))
                .andExpect(jsonPath("$[?(@.province == '33')].filedOn", contains("2017-01-20")))
                .andExpect(jsonPath("$[?(@.province == '33')].late", contains(false)));
    }

    @Test
    void auth07_everyFilingIsInTheAuditTrail() throws Exception {
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, report("first", "ZJ-1")).andExpect(status().isCreated());
        clock.set("2017-01-25T15:00:00+08:00");
        file(TestCaller.ZJ_HEAD_REGULATOR, "33", "\"1\"", report("second", "ZJ-2")).andExpect(status().isOk());

        List<Document> trail = mongo.find(Query.query(Criteria.where("entityType").is(SummaryReportService.AUDIT_TYPE))
                .with(Sort.by("at")), Document.class, "audit_trail");
        assertThat(trail).extracting(e -> e.getString("action")).containsExactly("FILE", "REFILE");
        assertThat(trail).extracting(e -> e.getString("entityId")).containsOnly("33");
        assertThat(trail).extracting(e -> e.getString("username")).containsExactly("zj-head-finance", "zj-head-regulator");
        assertThat(trail).extracting(e -> e.getString("province")).containsOnly("33");
        assertThat(trail.get(0).get("before")).isNull();
        assertThat(trail.get(0).get("after", Document.class).getString("text")).isEqualTo("first");
        assertThat(trail.get(1).get("before", Document.class).getString("text")).isEqualTo("first");
        assertThat(trail.get(1).get("after", Document.class).getString("text")).isEqualTo("second");
        assertThat(trail.get(1).get("after", Document.class).getList("documents", String.class)).containsExactly("ZJ-2");
        assertThat(trail.get(1).getDate("at").toInstant()).hasToString("2017-01-25T07:00:00Z");
    }

    private void refused(String body, String member) throws Exception {
        file(TestCaller.ZJ_HEAD_FINANCE, "33", null, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(member));
    }

    private ResultActions file(TestCaller caller, String province, String ifMatch, String body) throws Exception {
        var request = put(PATH + "/" + province).with(caller.auth()).contentType("application/json").content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private static String report(String text, String document) {
        return document == null ? "{\"text\": \"%s\"}".formatted(text)
                : "{\"text\": \"%s\", \"documents\": [\"%s\"]}".formatted(text, document);
    }

    private static String references(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"DOC-" + i + "\"").toList().toString();
    }
}
