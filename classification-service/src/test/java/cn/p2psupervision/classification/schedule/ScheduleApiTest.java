package cn.p2psupervision.classification.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.p2psupervision.platform.test.TestCaller;


/** CLS-10: the campaign schedule is central, versioned data (AUTH-03, AUTH-07). */
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.clock.start=2017-02-10T09:00:00+08:00",
        "platform.registry-feed.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
@AutoConfigureMockMvc
class ScheduleApiTest {

    static final String PATH = "/api/v1/classification/campaign-schedule";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CampaignScheduleService schedules;

    @BeforeEach
    void nothingStored() {
        mongo.remove(new Query(), ScheduleStore.COLLECTION);
        mongo.remove(Query.query(Criteria.where("entityType").is(CampaignScheduleService.AUDIT_TYPE)), "audit_trail");
    }

    @Test
    void cls10_withNothingStoredTheScheduleIsTheCampaignPlans() throws Exception {
        for (TestCaller regulator : List.of(TestCaller.GD_OFFICER, TestCaller.ZJ_HEAD_REGULATOR, TestCaller.CENTRAL)) {
            mvc.perform(get(PATH).with(regulator.auth()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.milestones.length()").value(4))
                    .andExpect(jsonPath("$.milestones[0].milestone").value("DEPLOYMENT"))
                    .andExpect(jsonPath("$.milestones[0].label").value("动员部署"))
                    .andExpect(jsonPath("$.milestones[0].dueOn").value("2016-04-30"))
                    .andExpect(jsonPath("$.milestones[1].milestone").value("INVESTIGATION"))
                    .andExpect(jsonPath("$.milestones[1].label").value("摸底排查"))
                    .andExpect(jsonPath("$.milestones[1].dueOn").value("2016-07-31"))
                    .andExpect(jsonPath("$.milestones[2].milestone").value("CLASSIFICATION"))
                    .andExpect(jsonPath("$.milestones[2].label").value("清理整顿分类处置"))
                    .andExpect(jsonPath("$.milestones[2].dueOn").value("2016-11-30"))
                    .andExpect(jsonPath("$.milestones[3].milestone").value("SUMMARY_REPORT"))
                    .andExpect(jsonPath("$.milestones[3].label").value("总结报告"))
                    .andExpect(jsonPath("$.milestones[3].dueOn").value("2017-01-31"))
                    .andExpect(jsonPath("$.changedBy").doesNotExist());
        }
        assertThat(schedules.current().dueOn(Milestone.SUMMARY_REPORT)).isEqualTo(LocalDate.of(2017, 1, 31));
        assertThat(mongo.getCollection(ScheduleStore.COLLECTION).countDocuments()).isEqualTo(1);
        mvc.perform(get(PATH).with(TestCaller.GD_OFFICER.auth()).header("If-None-Match", "\"1\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void cls10_onlyCentralChangesTheSchedule() throws Exception {
        for (TestCaller caller : List.of(TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_FINANCE, TestCaller.GD_HEAD_FINANCE,
                TestCaller.MARKET_REGULATION)) {
            change(caller, "\"1\"", schedule("2017-02-28", "moved")).andExpect(status().isForbidden());
        }
        change(TestCaller.ANONYMOUS, "\"1\"", schedule("2017-02-28", "moved")).andExpect(status().isUnauthorized());
        mvc.perform(get(PATH).with(TestCaller.CENTRAL_BANK.auth())).andExpect(status().isForbidden());
        mvc.perform(get(PATH).with(TestCaller.ANONYMOUS.auth())).andExpect(status().isUnauthorized());

        assertThat(schedules.currentVersion().version()).isEqualTo(1);
    }

    @Test
    void cls10_centralChangesTheScheduleBasedOnTheVersionItRead() throws Exception {
        change(TestCaller.CENTRAL, null, schedule("2017-02-28", "moved")).andExpect(status().isPreconditionRequired());
        change(TestCaller.CENTRAL, "\"1\"", schedule("2017-02-28", "State Council extension"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.milestones[3].dueOn").value("2017-02-28"))
                .andExpect(jsonPath("$.milestones[3].label").value("总结报告"))
                .andExpect(jsonPath("$.changedBy").value("central"))
                .andExpect(jsonPath("$.reason").value("State Council extension"));
        change(TestCaller.CENTRAL, "\"1\"", schedule("2017-03-31", "stale")).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(2));

        assertThat(schedules.current().dueOn(Milestone.SUMMARY_REPORT)).isEqualTo(LocalDate.of(2017, 2, 28));
        mvc.perform(get(PATH + "/history").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].milestones[3].dueOn").value("2017-01-31"))
                .andExpect(jsonPath("$[1].version").value(2))
                .andExpect(jsonPath("$[1].milestones[3].dueOn").value("2017-02-28"));
        mvc.perform(get(PATH + "/history").with(TestCaller.PUBLIC_SECURITY.auth())).andExpect(status().isForbidden());
    }

    @Test
    void cls10_milestonesMustAllBeThereInTheirOrderWithoutGoingBack() throws Exception {
        refused("""
                {"milestones": [
                  {"milestone": "DEPLOYMENT", "dueOn": "2016-04-30"},
                  {"milestone": "CLASSIFICATION", "dueOn": "2016-07-31"},
                  {"milestone": "INVESTIGATION", "dueOn": "2016-11-30"},
                  {"milestone": "SUMMARY_REPORT", "dueOn": "2017-01-31"}],
                 "reason": "out of order"}""", "milestones[1].milestone").andExpect(jsonPath("$.rule").value("CLS-10"));
        refused(schedule("2016-11-29", "summary before classification"), "milestones[3].dueOn")
                .andExpect(jsonPath("$.rule").value("CLS-10"));
        refused("""
                {"milestones": [
                  {"milestone": "DEPLOYMENT", "dueOn": "2016-04-30"},
                  {"milestone": "INVESTIGATION", "dueOn": "2016-07-31"},
                  {"milestone": "CLASSIFICATION", "dueOn": "2016-11-30"}],
                 "reason": "one missing"}""", "milestones");
        refused("""
                {"milestones": [
                  {"milestone": "DEPLOYMENT", "dueOn": "2016-04-30"},
                  {"milestone": "INVESTIGATION"},
                  {"milestone": "CLASSIFICATION", "dueOn": "2016-11-30"},
                  {"milestone": "SUMMARY_REPORT", "dueOn": "2017-01-31"}],
                 "reason": "no date"}""", "milestones[1].dueOn");
        refused("""
                {"milestones": [
                  {"milestone": "DEPLOYMENT", "dueOn": "2016-04-30"},
                  {"milestone": "INVESTIGATION", "dueOn": "2016-02-30"},
                  {"milestone": "CLASSIFICATION", "dueOn": "2016-11-30"},
                  {"milestone": "SUMMARY_REPORT", "dueOn": "2017-01-31"}],
                 "reason": "no such day"}""", "milestones[1].dueOn");
        refused("""
                {"milestones": [
                  {"milestone": "DEPLOYMENT", "dueOn": "2016-04-30"},
                  {"milestone": "RECTIFICATION", "dueOn": "2016-07-31"},
                  {"milestone": "CLASSIFICATION", "dueOn": "2016-11-30"},
                  {"milestone": "SUMMARY_REPORT", "dueOn": "2017-01-31"}],
                 "reason": "unknown milestone"}""", "milestones[1].milestone");
        refused("{\"reason\": \"no milestones\"}", "milestones");
        refused(schedule("2017-02-28", null), "reason");
        refused(schedule("2017-02-28", "x".repeat(2001)), "reason");

        // the same date twice is allowed (non-decreasing)
        change(TestCaller.CENTRAL, "\"1\"", schedule("2016-11-30", "summary with the classification"))
                .andExpect(status().isOk());
        assertThat(schedules.currentVersion().version()).isEqualTo(2);
    }

    @Test
    void auth07_everyChangeOfTheScheduleIsInTheAuditTrail() throws Exception {
        change(TestCaller.CENTRAL, "\"1\"", schedule("2017-02-28", "State Council extension"))
                .andExpect(status().isOk());

        List<Document> trail = mongo.find(Query.query(Criteria.where("entityType")
                .is(CampaignScheduleService.AUDIT_TYPE)), Document.class, "audit_trail");
        assertThat(trail).hasSize(1);
        Document entry = trail.get(0);
        assertThat(entry.getString("action")).isEqualTo("CHANGE");
        assertThat(entry.getString("username")).isEqualTo("central");
        assertThat(entry.getString("reason")).isEqualTo("State Council extension");
        assertThat(entry.get("before", Document.class).get("SUMMARY_REPORT")).isEqualTo("2017-01-31");
        assertThat(entry.get("after", Document.class).get("SUMMARY_REPORT")).isEqualTo("2017-02-28");
        assertThat(entry.get("after", Document.class).get("DEPLOYMENT")).isEqualTo("2016-04-30");
    }

    private ResultActions refused(String body, String member) throws Exception {
        ResultActions result = change(TestCaller.CENTRAL, "\"1\"", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(member));
        assertThat(schedules.currentVersion().version()).isEqualTo(1);
        return result;
    }

    private ResultActions change(TestCaller caller, String ifMatch, String body) throws Exception {
        var request = put(PATH).with(caller.auth()).contentType("application/json").content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    /** The plan's schedule with the summary report due on {@code summaryDueOn}. */
    static String schedule(String summaryDueOn, String reason) {
        return """
                {"milestones": [
                  {"milestone": "DEPLOYMENT", "dueOn": "2016-04-30"},
                  {"milestone": "INVESTIGATION", "dueOn": "2016-07-31"},
                  {"milestone": "CLASSIFICATION", "dueOn": "2016-11-30"},
                  {"milestone": "SUMMARY_REPORT", "dueOn": "%s"}]%s}""".formatted(summaryDueOn,
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }
}
