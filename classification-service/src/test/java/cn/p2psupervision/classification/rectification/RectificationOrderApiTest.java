package cn.p2psupervision.classification.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.classification.decision.Decision;
import cn.p2psupervision.classification.decision.DecisionState;
import cn.p2psupervision.classification.decision.DecisionStore;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.classification.proposal.Proposal;
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * CLS-08 through the API, with AUTH-02/03/07: the rectification order of an approved rectification decision, its
 * stock reports with the rises flagged at once, the new violating business found after it, completion, and central's
 * view of the overdue orders. The registry is not running: its institutions are put into the projection, the decisions
 * straight into their store; the clock is moved by the test.
 */
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.registry-feed.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token",
        "platform.outbox.poll-delay=1h"})
@AutoConfigureMockMvc
class RectificationOrderApiTest {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(Instant.parse("2017-01-10T01:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    InstitutionReferences references;
    @Autowired
    AuditTrail audit;
    @Autowired
    MutableClock clock;

    private String institution;
    private String base;
    private String order;
    private String fundPool;
    private String disclosure;

    @BeforeEach
    void zhejiangInstitutionWithAFindingOfEachKind() throws Exception {
        clock.setDay("2017-01-10");
        institution = institution("33", "44");
        base = "/api/v1/classification/institutions/" + institution;
        order = base + "/rectification-order";
        fundPool = finding(institution, "FUND_POOL", "2017-01-05", "1250000.00");
        disclosure = finding(institution, "DISCLOSURE_INCOMPLETE", "2017-01-05", null);
    }

    // ----------------------------------------------------------------------------------------------------- issuing

    @Test
    void cls08_anOrderListsItemsLinkedToFindingsWithADeadline() throws Exception {
        decision(institution, Category.RECTIFICATION, DecisionState.APPROVED);

        MockHttpServletResponse response = mvc.perform(json(post(order), TestCaller.ZJ_OFFICER, issueBody()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(response.getHeader("Location")).isEqualTo(order);
        JsonNode issued = json.readTree(response.getContentAsString());
        assertThat(issued.get("id").asString()).isEqualTo("O-" + institution + "-1");
        assertThat(issued.get("round").asInt()).isEqualTo(1);
        assertThat(issued.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(issued.get("issuedOn").asString()).isEqualTo("2017-01-10");
        assertThat(issued.get("deadline").asString()).isEqualTo("2017-03-31");
        assertThat(issued.at("/issuedBy/username").asString()).isEqualTo("zj-officer");
        JsonNode first = issued.at("/items/0");
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("findingId").asString()).isEqualTo(fundPool);
        assertThat(first.get("problemCode").asString()).isEqualTo("FUND_POOL");
        assertThat(first.get("problemName").asString()).isEqualTo("设立资金池");
        assertThat(first.get("requirement").asString()).isEqualTo("清退资金池存量");
        assertThat(first.get("baselineStock").asString()).isEqualTo("1250000.00");
        assertThat(first.get("latestStock").isNull()).isTrue();
        assertThat(first.get("stockRose").asBoolean()).isFalse();
        assertThat(issued.at("/items/1/problemCode").asString()).isEqualTo("DISCLOSURE_INCOMPLETE");
        assertThat(issued.at("/items/1/baselineStock").isNull()).isTrue();
        assertThat(issued.get("openItems").asInt()).isEqualTo(2);
        assertThat(issued.get("overdue").asBoolean()).isFalse();
        assertThat(issued.get("alerts")).isEmpty();
        assertThat(issued.get("newViolatingBusiness")).isEmpty();

        JsonNode read = send(get(order), TestCaller.ZJ_OFFICER, 200);
        assertThat(read).isEqualTo(issued);
        List<AuditEntry> trail = audit.trailOf("rectification-order", "O-" + institution + "-1");
        assertThat(trail).extracting(AuditEntry::action).containsExactly("ISSUE_RECTIFICATION_ORDER");
        assertThat(trail.get(0).username()).isEqualTo("zj-officer");
    }

    @Test
    void cls08_onlyAnApprovedRectificationDecisionGetsAnOrder() throws Exception {
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody()), 422), "no classification decision");

        decision(institution, Category.RECTIFICATION, DecisionState.RECORDED);
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody()), 422), "not approved");
        decision(institution, Category.COMPLIANT, DecisionState.APPROVED);
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody()), 422), "COMPLIANT");
        decision(institution, Category.BANNING, DecisionState.APPROVED);
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody()), 422), "BANNING");
        send(get(order), TestCaller.ZJ_OFFICER, 404);

        decision(institution, Category.RECTIFICATION, DecisionState.APPROVED);
        send(json(post(order), TestCaller.ZJ_OFFICER, issueBody()), 201);
        JsonNode second = send(json(post(order), TestCaller.ZJ_OFFICER, issueBody()), 409);
        assertThat(second.get("detail").asString()).contains("one order per decision round");
        assertThat(audit.trailOf("rectification-order", "O-" + institution + "-1")).hasSize(1);
    }

    @Test
    void cls08_itemsAreActiveFindingsOfTheInstitutionAndTheOrderIsDatedByTheRules() throws Exception {
        decision(institution, Category.RECTIFICATION, DecisionState.APPROVED);
        String other = institution("33");
        String foreignFinding = finding(other, "FUND_POOL", "2017-01-05", "10.00");
        String withdrawn = finding(institution, "SELF_FINANCING", "2017-01-05", "500.00");
        send(json(post(base + "/findings/" + withdrawn + "/withdrawal").header("If-Match", "\"1\""),
                TestCaller.ZJ_OFFICER, "{\"reason\":\"误报\"}"), 200);

        for (String findingId : List.of(withdrawn, foreignFinding, "F-NOSUCH")) {
            assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", "2017-03-31",
                    item(fundPool, "清退"), item(findingId, "整改"))), 422), "is not an active finding");
        }
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", "2017-03-31",
                item(fundPool, "清退"), item(fundPool, "再次"))), 422), "listed twice");
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-11", "2017-03-31",
                item(fundPool, "清退"))), 422), "after today");
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", "2017-01-10",
                item(fundPool, "清退"))), 422), "must lie after");
        assertRule(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-07", "2017-03-31",
                item(fundPool, "清退"))), 422), "approved on 2017-01-08");
        send(get(order), TestCaller.ZJ_OFFICER, 404);
    }

    @Test
    void cls08_anOrderThatIsNotWellFormedIsA400() throws Exception {
        decision(institution, Category.RECTIFICATION, DecisionState.APPROVED);
        String tooLong = String.join("", Collections.nCopies(2001, "改"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(item(fundPool, "清退"));
        }

        assertField(send(json(post(order), TestCaller.ZJ_OFFICER,
                "{\"issuedOn\":\"2017-01-10\",\"items\":[" + item(fundPool, "清退") + "]}"), 400), "deadline");
        assertField(send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", "2017-03-31")), 400),
                "items");
        assertField(send(json(post(order), TestCaller.ZJ_OFFICER,
                issueBody("2017-01-10", "2017-03-31", many.toArray(String[]::new))), 400), "items");
        assertField(send(json(post(order), TestCaller.ZJ_OFFICER,
                issueBody("2017-01-10", "2017-03-31", item(fundPool, " "))), 400), "items[0].requirement");
        assertField(send(json(post(order), TestCaller.ZJ_OFFICER,
                issueBody("2017-01-10", "2017-03-31", item(fundPool, tooLong))), 400), "items[0].requirement");
        send(json(post(order), TestCaller.ZJ_OFFICER,
                "{\"issuedOn\":\"2017-01-10\",\"deadline\":\"2017-03-31\",\"items\":[{\"findingId\":\"" + fundPool
                        + "\"}]}"), 400);
        send(json(post(order), TestCaller.ZJ_OFFICER, "{\"issuedOn\":\"2017-01-10\",\"deadline\":\"2017-03-31\","
                + "\"items\":[" + item(fundPool, "清退") + "],\"status\":\"DONE\"}"), 400);
        send(json(post(order), TestCaller.ZJ_OFFICER, "{\"issuedOn\":\"10.01.2017\",\"deadline\":\"2017-03-31\","
                + "\"items\":[" + item(fundPool, "清退") + "]}"), 400);
        assertThat(send(json(post(order), TestCaller.ZJ_OFFICER,
                issueBody("2017-01-10", "2017-03-31", item(fundPool, tooLong.substring(1)))), 201)
                .at("/items/0/requirement").asString()).hasSize(2000);
    }

    // ------------------------------------------------------------------------------------------------ stock reports

    @Test
    void cls08_aRiseInStockIsFlaggedAtOnce() throws Exception {
        issued();
        clock.setDay("2017-02-01");
        JsonNode falling = report("1", "2017-01-31", figure(1, "1000000.00"), 200);
        assertThat(falling.get("version").asLong()).isEqualTo(2);
        assertThat(falling.get("alerts")).isEmpty();
        assertThat(falling.at("/items/0/latestStock").asString()).isEqualTo("1000000.00");
        assertThat(falling.at("/items/0/latestStockAsOf").asString()).isEqualTo("2017-01-31");

        clock.setDay("2017-03-01");
        MockHttpServletResponse response = mvc.perform(json(post(order + "/stock-reports").header("If-Match", "\"2\""),
                TestCaller.ZJ_OFFICER, reportBody("2017-02-28", figure(1, "1100000")))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo("\"3\"");
        JsonNode rose = json.readTree(response.getContentAsString());
        JsonNode alert = rose.at("/alerts/0");
        assertThat(alert.get("kind").asString()).isEqualTo("STOCK_ROSE");
        assertThat(alert.get("item").asInt()).isEqualTo(1);
        assertThat(alert.get("findingId").asString()).isEqualTo(fundPool);
        assertThat(alert.get("from").asString()).isEqualTo("1000000.00");
        assertThat(alert.get("fromAsOf").asString()).isEqualTo("2017-01-31");
        assertThat(alert.get("fromReport").asInt()).isEqualTo(1);
        assertThat(alert.get("to").asString()).isEqualTo("1100000.00");
        assertThat(alert.get("toAsOf").asString()).isEqualTo("2017-02-28");
        assertThat(alert.get("report").asInt()).isEqualTo(2);
        assertThat(alert.get("detail").asString()).contains("设立资金池", "1000000.00", "1100000.00");
        assertThat(rose.at("/items/0/stockRose").asBoolean()).isTrue();
        assertThat(rose.at("/items/0/latestStock").asString()).isEqualTo("1100000.00");
        assertThat(rose.get("stockReports")).hasSize(2);
        assertThat(rose.at("/stockReports/0/items/0/amount").asString()).isEqualTo("1000000.00");
        assertThat(rose.at("/stockReports/1/reportedBy/username").asString()).isEqualTo("zj-officer");

        JsonNode listed = listed(TestCaller.CENTRAL, "", "O-" + institution + "-1");
        assertThat(listed.get("alertCount").asInt()).isEqualTo(1);
        // the test clock stands still between the acts, so the trail's order among equal times is not defined
        assertThat(audit.trailOf("rectification-order", "O-" + institution + "-1")).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("ISSUE_RECTIFICATION_ORDER", "REPORT_RECTIFICATION_STOCK",
                        "REPORT_RECTIFICATION_STOCK");
    }

    @Test
    void cls08_aFirstReportAboveTheBaselineIsFlagged() throws Exception {
        issued();
        clock.setDay("2017-01-20");

        JsonNode rose = report("1", "2017-01-15", figure(1, "1250000.01"), 200);

        assertThat(rose.at("/alerts/0/from").asString()).isEqualTo("1250000.00");
        assertThat(rose.at("/alerts/0/fromAsOf").asString()).isEqualTo("2017-01-10");
        assertThat(rose.at("/alerts/0/fromReport").isNull()).isTrue();
        assertThat(rose.at("/alerts/0/to").asString()).isEqualTo("1250000.01");
    }

    @Test
    void cls08_stockReportsFollowEachOtherAndNameOnlyItemsWithStock() throws Exception {
        issued();
        clock.setDay("2017-02-10");
        report("1", "2017-01-31", figure(1, "1000000.00"), 200);

        assertRule(report("2", "2017-01-31", figure(1, "900000"), 422), "after the previous");
        assertRule(report("2", "2017-02-11", figure(1, "900000"), 422), "after today");
        assertRule(report("2", "2017-02-05", figure(2, "0"), 422), "not violating business");
        assertRule(report("2", "2017-02-05", figure(3, "0"), 422), "no item 3");
        assertField(report("2", "2017-02-05", figure(1, "1") + "," + figure(1, "2"), 400), "items[1].number");
        assertField(report("2", "2017-02-05", figure(1, "-1.00"), 400), "items[0].amount");
        assertField(report("2", "2017-02-05", figure(1, "1.005"), 400), "items[0].amount");
        assertField(report("2", "2017-02-05", "", 400), "items");
        assertField(send(json(post(order + "/stock-reports").header("If-Match", "\"2\""), TestCaller.ZJ_OFFICER,
                "{\"items\":[" + figure(1, "1") + "]}"), 400), "asOf");
        send(json(post(order + "/stock-reports").header("If-Match", "\"2\""), TestCaller.ZJ_OFFICER,
                "{\"asOf\":\"2017-02-05\",\"items\":[{\"number\":1,\"amount\":\"1e3\"}]}"), 400);
        send(json(post(order + "/stock-reports").header("If-Match", "\"2\""), TestCaller.ZJ_OFFICER,
                "{\"asOf\":\"2017-02-05\",\"items\":[{\"number\":1.5,\"amount\":\"1\"}]}"), 400);

        JsonNode unchanged = send(get(order), TestCaller.ZJ_OFFICER, 200);
        assertThat(unchanged.get("version").asLong()).isEqualTo(2);
        assertThat(unchanged.get("stockReports")).hasSize(1);
    }

    @Test
    void cls08_aChangeNamesTheVersionItIsBasedOn() throws Exception {
        issued();
        clock.setDay("2017-02-10");

        send(json(post(order + "/stock-reports"), TestCaller.ZJ_OFFICER,
                reportBody("2017-01-31", figure(1, "1.00"))), 428);
        send(json(post(order + "/items/2/completion"), TestCaller.ZJ_OFFICER, completionBody("2017-02-01")), 428);
        send(json(post(order + "/stock-reports").header("If-Match", "*"), TestCaller.ZJ_OFFICER,
                reportBody("2017-01-31", figure(1, "1.00"))), 400);
        report("1", "2017-01-31", figure(1, "1.00"), 200);

        JsonNode stale = report("1", "2017-02-01", figure(1, "0.50"), 412);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);
        send(json(post(order + "/items/2/completion").header("If-Match", "\"1\""), TestCaller.ZJ_OFFICER,
                completionBody("2017-02-01")), 412);
        assertThat(send(get(order), TestCaller.ZJ_OFFICER, 200).get("stockReports")).hasSize(1);
    }

    // ------------------------------------------------------------------------------------- new violating business

    @Test
    void cls08_newViolatingBusinessAfterTheOrderIsFlaggedAtOnce() throws Exception {
        issued();
        clock.setDay("2017-01-20");
        String cashLoan = finding(institution, "CASH_LOAN", "2017-01-18", "300000.00");
        finding(institution, "DISCLOSURE_NOT_TIMELY", "2017-01-18", null);
        finding(institution, "SELF_FINANCING", "2017-01-10", "20000.00");

        JsonNode read = send(get(order), TestCaller.GD_OFFICER, 200);

        assertThat(read.get("newViolatingBusiness")).hasSize(1);
        JsonNode flagged = read.at("/newViolatingBusiness/0");
        assertThat(flagged.get("findingId").asString()).isEqualTo(cashLoan);
        assertThat(flagged.get("problemCode").asString()).isEqualTo("CASH_LOAN");
        assertThat(flagged.get("problemName").asString()).isEqualTo("现金贷");
        assertThat(flagged.get("foundOn").asString()).isEqualTo("2017-01-18");
        assertThat(flagged.get("outstandingAmount").asString()).isEqualTo("300000.00");
        assertThat(listed(TestCaller.CENTRAL, "", "O-" + institution + "-1").get("newViolatingBusinessCount")
                .asInt()).isEqualTo(1);

        send(json(post(base + "/findings/" + cashLoan + "/withdrawal").header("If-Match", "\"1\""),
                TestCaller.ZJ_OFFICER, "{\"reason\":\"经核实为合规业务\"}"), 200);
        assertThat(send(get(order), TestCaller.CENTRAL, 200).get("newViolatingBusiness")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------- completion

    @Test
    void cls08_anItemWithStockCompletesOnlyWhenItsReportedStockIsZero() throws Exception {
        issued();
        clock.setDay("2017-02-10");

        assertRule(complete(1, "1", completionBody("2017-02-01"), 422), "no stock has been reported");
        report("1", "2017-01-31", figure(1, "100.00"), 200);
        assertRule(complete(1, "2", completionBody("2017-02-01"), 422), "shows 100.00");
        report("2", "2017-02-05", figure(1, "0"), 200);
        assertRule(complete(1, "3", completionBody("2017-02-04"), 422), "before the report");
        assertRule(complete(1, "3", completionBody("2017-02-11"), 422), "after today");
        assertField(complete(1, "3", "{\"completedOn\":\"2017-02-06\"}", 400), "note");
        assertField(complete(1, "3", "{\"note\":\"清退完毕\"}", 400), "completedOn");
        complete(9, "3", completionBody("2017-02-06"), 404);

        JsonNode done = complete(1, "3", completionBody("2017-02-06"), 200);
        assertThat(done.at("/items/0/completed").asBoolean()).isTrue();
        assertThat(done.at("/items/0/completedOn").asString()).isEqualTo("2017-02-06");
        assertThat(done.at("/items/0/completionNote").asString()).isEqualTo("已整改完毕");
        assertThat(done.at("/items/0/completedBy/username").asString()).isEqualTo("zj-officer");
        assertThat(done.get("openItems").asInt()).isEqualTo(1);

        JsonNode again = complete(1, "4", completionBody("2017-02-07"), 409);
        assertThat(again.get("detail").asString()).contains("completed on 2017-02-06 already");
        JsonNode withoutStock = complete(2, "4", completionBody("2017-02-01"), 200);
        assertThat(withoutStock.get("openItems").asInt()).isZero();
        assertThat(withoutStock.get("version").asLong()).isEqualTo(5);
        // the test clock stands still between the acts, so the trail's order among equal times is not defined
        assertThat(audit.trailOf("rectification-order", "O-" + institution + "-1")).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("ISSUE_RECTIFICATION_ORDER", "REPORT_RECTIFICATION_STOCK",
                        "REPORT_RECTIFICATION_STOCK", "COMPLETE_RECTIFICATION_ITEM", "COMPLETE_RECTIFICATION_ITEM");
    }

    // ------------------------------------------------------------------------------------------- overdue, central

    @Test
    void cls08_anOrderPastItsDeadlineWithOpenItemsIsOverdueForCentral() throws Exception {
        issued("2017-02-28");
        String open = "O-" + institution + "-1";
        String doneInstitution = institution("33");
        String doneFinding = finding(doneInstitution, "DISCLOSURE_INCOMPLETE", "2017-01-05", null);
        decision(doneInstitution, Category.RECTIFICATION, DecisionState.APPROVED);
        String doneBase = "/api/v1/classification/institutions/" + doneInstitution + "/rectification-order";
        send(json(post(doneBase), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", "2017-02-28",
                item(doneFinding, "补充披露"))), 201);
        clock.setDay("2017-02-20");
        send(json(post(doneBase + "/items/1/completion").header("If-Match", "\"1\""), TestCaller.ZJ_OFFICER,
                completionBody("2017-02-20")), 200);
        String done = "O-" + doneInstitution + "-1";

        clock.setDay("2017-02-28");
        assertThat(send(get(order), TestCaller.CENTRAL, 200).get("overdue").asBoolean()).isFalse();
        assertThat(ids(TestCaller.CENTRAL, "&overdue=true")).doesNotContain(open, done);

        clock.setDay("2017-03-01");
        JsonNode read = send(get(order), TestCaller.CENTRAL, 200);
        assertThat(read.get("overdue").asBoolean()).isTrue();
        assertThat(read.get("openItems").asInt()).isEqualTo(2);
        assertThat(ids(TestCaller.CENTRAL, "&overdue=true")).contains(open).doesNotContain(done);
        assertThat(ids(TestCaller.CENTRAL, "&overdue=false")).contains(done).doesNotContain(open);
        assertThat(ids(TestCaller.CENTRAL, "")).contains(open, done);
        JsonNode line = listed(TestCaller.CENTRAL, "&overdue=true", open);
        assertThat(line.get("overdue").asBoolean()).isTrue();
        assertThat(line.get("openItems").asInt()).isEqualTo(2);
        assertThat(line.get("items").asInt()).isEqualTo(2);
        assertThat(line.get("deadline").asString()).isEqualTo("2017-02-28");
        assertThat(send(get("/api/v1/classification/rectification-orders?overdue=maybe"), TestCaller.CENTRAL, 400)
                .at("/errors/0/field").asString()).isEqualTo("overdue");
        send(get("/api/v1/classification/rectification-orders?size=201"), TestCaller.CENTRAL, 400);
    }

    @Test
    void cls08_theListIsNewestFirstAndPaged() throws Exception {
        issued();
        String second = institution("33");
        String secondFinding = finding(second, "DISCLOSURE_INCOMPLETE", "2017-01-05", null);
        decision(second, Category.RECTIFICATION, DecisionState.APPROVED);
        clock.setDay("2017-01-11");
        send(json(post("/api/v1/classification/institutions/" + second + "/rectification-order"),
                TestCaller.ZJ_OFFICER, issueBody("2017-01-11", "2017-03-31", item(secondFinding, "补充披露"))), 201);

        List<String> ids = ids(TestCaller.ZJ_OFFICER, "");
        assertThat(ids.indexOf("O-" + second + "-1")).isLessThan(ids.indexOf("O-" + institution + "-1"));
        JsonNode page = send(get("/api/v1/classification/rectification-orders?page=0&size=1"), TestCaller.CENTRAL,
                200);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("totalPages").asLong()).isEqualTo(page.get("totalElements").asLong());
    }

    // ---------------------------------------------------------------------------------------------------- scope

    @Test
    void auth02_aBusinessPlaceProvinceReadsTheOrderButDoesNotWriteIt() throws Exception {
        issued();
        clock.setDay("2017-02-10");

        assertThat(send(get(order), TestCaller.GD_OFFICER, 200).get("id").asString())
                .isEqualTo("O-" + institution + "-1");
        send(json(post(order), TestCaller.GD_OFFICER, issueBody()), 403);
        send(json(post(order + "/stock-reports").header("If-Match", "\"1\""), TestCaller.GD_OFFICER,
                reportBody("2017-01-31", figure(1, "1.00"))), 403);
        send(json(post(order + "/items/2/completion").header("If-Match", "\"1\""), TestCaller.GD_OFFICER,
                completionBody("2017-02-01")), 403);
        assertThat(ids(TestCaller.GD_OFFICER, "")).contains("O-" + institution + "-1");
        assertThat(send(get(order), TestCaller.ZJ_OFFICER, 200).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void auth03_centralReadsEveryOrderAndWritesNone() throws Exception {
        issued();
        clock.setDay("2017-02-10");

        send(get(order), TestCaller.CENTRAL, 200);
        JsonNode refused = send(json(post(order + "/stock-reports").header("If-Match", "\"1\""), TestCaller.CENTRAL,
                reportBody("2017-01-31", figure(1, "1.00"))), 403);
        assertThat(refused.get("detail").asString()).contains("AUTH-03");
        send(json(post(order + "/items/2/completion").header("If-Match", "\"1\""), TestCaller.CENTRAL,
                completionBody("2017-02-01")), 403);
        send(json(post(order), TestCaller.CENTRAL, issueBody()), 403);
    }

    @Test
    void auth02_anotherProvincesOrderIsNotFoundAndNotListed() throws Exception {
        String foreign = institution("32");
        String foreignFinding = finding(foreign, "FUND_POOL", "2017-01-05", "10.00");
        decision(foreign, Category.RECTIFICATION, DecisionState.APPROVED);
        String foreignOrder = "/api/v1/classification/institutions/" + foreign + "/rectification-order";
        issued();

        send(get(foreignOrder), TestCaller.GD_OFFICER, 404);
        send(get(foreignOrder), TestCaller.ZJ_OFFICER, 404);
        send(json(post(foreignOrder), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", "2017-03-31",
                item(foreignFinding, "清退"))), 404);
        send(json(post(foreignOrder + "/stock-reports").header("If-Match", "\"1\""), TestCaller.GD_OFFICER,
                reportBody("2017-01-10", figure(1, "1.00"))), 404);
        send(get("/api/v1/classification/institutions/no-such-institution/rectification-order"),
                TestCaller.CENTRAL, 404);
        send(get(foreignOrder), TestCaller.CENTRAL, 404);

        assertThat(ids(TestCaller.ZJ_OFFICER, "")).contains("O-" + institution + "-1")
                .noneMatch(id -> id.startsWith("O-" + foreign));
        assertThat(ids(TestCaller.GD_OFFICER, "")).noneMatch(id -> id.startsWith("O-" + foreign));
    }

    @ParameterizedTest(name = "AUTH-05 {0} gets 403 on every rectification path")
    @EnumSource(value = TestCaller.class, names = {"PUBLIC_SECURITY", "TELECOM", "MARKET_REGULATION",
            "CENTRAL_BANK"})
    void auth05_agenciesHaveNoDoorHere(TestCaller agency) throws Exception {
        issued();

        send(get(order), agency, 403);
        send(json(post(order), agency, issueBody()), 403);
        send(json(post(order + "/stock-reports").header("If-Match", "\"1\""), agency,
                reportBody("2017-01-10", figure(1, "1.00"))), 403);
        send(json(post(order + "/items/2/completion").header("If-Match", "\"1\""), agency,
                completionBody("2017-01-10")), 403);
        send(get("/api/v1/classification/rectification-orders"), agency, 403);
    }

    @Test
    void auth01_anonymousCallersAreUnauthenticated() throws Exception {
        issued();

        send(get(order), TestCaller.ANONYMOUS, 401);
        send(json(post(order), TestCaller.ANONYMOUS, issueBody()), 401);
        send(json(post(order + "/stock-reports").header("If-Match", "\"1\""), TestCaller.ANONYMOUS,
                reportBody("2017-01-10", figure(1, "1.00"))), 401);
        send(get("/api/v1/classification/rectification-orders"), TestCaller.ANONYMOUS, 401);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** A fresh institution in the projection, registered in {@code province}, with branches in {@code business}. */
    private String institution(String province, String... business) {
        String id = "inst-r-" + UUID.randomUUID();
        references.apply(List.of(new InstitutionReference(id, "91" + province + Math.abs(id.hashCode()),
                "整改测试平台 " + id, province, List.of(business), "OPERATING", LocalDate.of(2014, 3, 1),
                LocalDate.of(2014, 6, 1), true, "某银行", 1)));
        return id;
    }

    /** Records a finding through the API, as an officer of the institution's province; its id. */
    private String finding(String institutionId, String code, String foundOn, String amount) throws Exception {
        String body = "{\"problemCode\":\"" + code + "\",\"evidence\":{\"text\":\"现场检查发现" + code
                + "\",\"documents\":[]},\"source\":\"ON_SITE_INSPECTION\",\"foundOn\":\"" + foundOn + "\""
                + (amount == null ? "" : ",\"outstandingAmount\":" + amount) + "}";
        MockHttpServletRequestBuilder request = post("/api/v1/classification/institutions/" + institutionId
                + "/findings").contentType(MediaType.APPLICATION_JSON).content(body);
        String province = references.find(institutionId).orElseThrow().registeredProvince();
        request.with(province.equals("33") ? TestCaller.ZJ_OFFICER.auth() : TestCaller.officerOf(province));
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString()).get("id").asString();
    }

    /**
     * The institution's decision, as the decision workflow leaves it (CLS-07): recorded 2017-01-07, approved
     * 2017-01-08 by a head of its province. Stored straight into the decisions' store: the workflow needs the
     * registry's reports for its proposal, and the registry is not running here.
     */
    private void decision(String institutionId, Category category, DecisionState state) {
        Proposal proposal = new Proposal(institutionId, category, List.of(), List.of(), List.of(), null);
        String province = references.find(institutionId).orElseThrow().registeredProvince();
        Actor officer = new Actor("id-officer-" + province, "officer-" + province, province, "FINANCIAL_OFFICE");
        Actor head = new Actor("id-head-" + province, "head-" + province, province, "BANKING_REGULATOR");
        Instant recorded = Instant.parse("2017-01-07T02:00:00Z");
        Instant approved = Instant.parse("2017-01-08T02:00:00Z");
        Decision current = state == DecisionState.APPROVED
                ? new Decision(institutionId, 1, 2, state, category, proposal, null, officer, recorded, head, approved,
                        null, null, null)
                : new Decision(institutionId, 1, 1, state, category, proposal, null, officer, recorded, null, null,
                        null, null, null);
        mongo.save(new DecisionStore.StoredDecision(institutionId, province, current.version(), current,
                List.of(current), List.of(), approved), DecisionStore.COLLECTION);
    }

    /** The order of {@link #institution}: both findings, issued 2017-01-10, due 2017-03-31. */
    private void issued() throws Exception {
        issued("2017-03-31");
    }

    private void issued(String deadline) throws Exception {
        decision(institution, Category.RECTIFICATION, DecisionState.APPROVED);
        send(json(post(order), TestCaller.ZJ_OFFICER, issueBody("2017-01-10", deadline, item(fundPool, "清退资金池存量"),
                item(disclosure, "完善信息披露"))), 201);
    }

    private String issueBody() {
        return issueBody("2017-01-10", "2017-03-31", item(fundPool, "清退资金池存量"), item(disclosure, "完善信息披露"));
    }

    private static String issueBody(String issuedOn, String deadline, String... items) {
        return "{\"issuedOn\":\"" + issuedOn + "\",\"deadline\":\"" + deadline + "\",\"items\":["
                + String.join(",", items) + "]}";
    }

    private static String item(String findingId, String requirement) {
        return "{\"findingId\":\"" + findingId + "\",\"requirement\":\"" + requirement + "\"}";
    }

    private static String figure(int number, String amount) {
        return "{\"number\":" + number + ",\"amount\":\"" + amount + "\"}";
    }

    private static String reportBody(String asOf, String figures) {
        return "{\"asOf\":\"" + asOf + "\",\"items\":[" + figures + "]}";
    }

    private static String completionBody(String completedOn) {
        return "{\"completedOn\":\"" + completedOn + "\",\"note\":\"已整改完毕\"}";
    }

    private JsonNode report(String ifMatch, String asOf, String figures, int status) throws Exception {
        return send(json(post(order + "/stock-reports").header("If-Match", "\"" + ifMatch + "\""),
                TestCaller.ZJ_OFFICER, reportBody(asOf, figures)), status);
    }

    private JsonNode complete(int number, String ifMatch, String body, int status) throws Exception {
        return send(json(post(order + "/items/" + number + "/completion").header("If-Match", "\"" + ifMatch + "\""),
                TestCaller.ZJ_OFFICER, body), status);
    }

    /** The ids of the orders {@code caller} lists (first 200), with {@code query} (e.g. {@code &overdue=true}). */
    private List<String> ids(TestCaller caller, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        send(get("/api/v1/classification/rectification-orders?size=200" + query), caller, 200).get("content")
                .forEach(line -> ids.add(line.get("id").asString()));
        return ids;
    }

    private JsonNode listed(TestCaller caller, String query, String orderId) throws Exception {
        for (JsonNode line : send(get("/api/v1/classification/rectification-orders?size=200" + query), caller, 200)
                .get("content")) {
            if (line.get("id").asString().equals(orderId)) {
                return line;
            }
        }
        throw new AssertionError(orderId + " is not listed for " + caller);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestCaller caller,
                                                      String body) {
        return request.with(caller.auth()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Sends the request as {@code caller} (unless it carries its caller already) and expects {@code status}. */
    private JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        if (status >= 400) {
            // a problem never names a Java class or exception
            assertThat(body).doesNotContain("java.", "Exception", "cn.p2psupervision", "tools.jackson");
        }
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int status) throws Exception {
        return send(request, TestCaller.ANONYMOUS, status);
    }

    private static void assertRule(JsonNode problem, String detail) {
        assertThat(problem.get("rule").asString()).isEqualTo("CLS-08");
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private static void assertField(JsonNode problem, String field) {
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
    }
}
