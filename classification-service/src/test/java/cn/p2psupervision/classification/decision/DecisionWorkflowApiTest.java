package cn.p2psupervision.classification.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.classification.ClassificationApiSupport;
import cn.p2psupervision.classification.ClassificationApiTest;
import cn.p2psupervision.platform.agency.AgencyRequest;
import cn.p2psupervision.platform.agency.AgencyRequestDelivery;
import cn.p2psupervision.platform.agency.AgencyRequestKind;
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.outbox.OutboxRelay;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.MonthlyReport;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * The classification story at the service level (CLS-01, CLS-04..07, AUTH-03..05, REG-08): findings, the proposal
 * from findings and the registry's figures, the decision with its reason rule, approval by another head, the outbox
 * entries of a banning decision, the referral that only public security sees behind the agencies' door (the shared
 * {@code platform.agency} component), the overdue requests flagged to the provinces and central, and central's
 * reopening. The registry is not running here: its reports come from a mock of {@link RegistryReports}, and its
 * status endpoint refuses connections, so the status entry stays pending with its error.
 */
@ClassificationApiTest
class DecisionWorkflowApiTest {

    /** The agencies' door of this context (AUTH-05, {@code platform.agency-requests.path}). */
    static final String AGENCY_DOOR = "/api/v1/classification/agency-requests";
    static final String OVERDUE = "/api/v1/classification/overdue-agency-requests";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AgencyRequestDelivery agencyRequests;
    @MockitoBean
    RegistryReports reports;

    String institution;
    String base;

    @BeforeEach
    void zhejiangInstitution() {
        institution = ClassificationApiSupport.newInstitutionId();
        base = "/api/v1/classification/institutions/" + institution;
        references.apply(List.of(ClassificationApiSupport.institution(institution, "33", "44")));
    }

    @Test
    void cls04_cls05_theProposalComesFromFindingsAndTheRegistrysFigures() throws Exception {
        when(reports.series(anyString())).thenReturn(List.of(
                report("2016-01", "10000000.00", 1000, "8.00"), report("2016-02", "12000000.00", 1200, "8.00"),
                report("2016-03", "14000000.00", 1400, "12.50"), report("2016-04", "18000000.00", 1900, "9.00")));
        send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()), TestCaller.ZJ_OFFICER),
                201);

        JsonNode proposal = send(get(base + "/proposal"), TestCaller.GD_OFFICER, 200);

        assertThat(proposal.get("category").asString()).isEqualTo("RECTIFICATION");
        List<String> flags = new ArrayList<>();
        proposal.get("flags").forEach(flag -> flags.add(flag.get("code").asString()));
        assertThat(flags).contains("RAPID_EXPANSION_BALANCE", "HIGH_YIELD");
        assertThat(proposal.get("standards").get(2).get("outcome").asString()).isEqualTo("FAILED");

        // the decision keeps the proposal with its flags, months included, and reads them back
        send(ok(post(base + "/decision").content("{\"category\":\"RECTIFICATION\"}"), TestCaller.ZJ_OFFICER), 201);
        JsonNode kept = send(get(base + "/decision"), TestCaller.ZJ_OFFICER, 200);
        assertThat(kept.at("/decision/proposal/flags")).isEqualTo(proposal.get("flags"));
        assertThat(kept.at("/decision/proposal/flags/0/evidence/0/from").asString()).matches("\\d{4}-\\d{2}");
    }

    @Test
    void cls07_withTheRegistryDownThereIsNoProposalAndNoDecisionButA503NamingIt() throws Exception {
        when(reports.series(anyString())).thenThrow(ProblemException.unavailable("registry-service"));

        JsonNode problem = send(get(base + "/proposal"), TestCaller.ZJ_OFFICER, 503);
        assertThat(problem.get("service").asString()).isEqualTo("registry-service");

        send(ok(post(base + "/decision").content("{\"category\":\"COMPLIANT\"}"), TestCaller.ZJ_OFFICER), 503);
        send(get(base + "/decision"), TestCaller.ZJ_OFFICER, 404);
    }

    @Test
    void cls07_aDecisionDifferingFromTheProposalNeedsAWrittenReason() throws Exception {
        send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()), TestCaller.ZJ_OFFICER),
                201);

        JsonNode refused = send(ok(post(base + "/decision").content("{\"category\":\"COMPLIANT\"}"),
                TestCaller.ZJ_OFFICER), 422);
        assertThat(refused.get("rule").asString()).isEqualTo("CLS-07");

        JsonNode recorded = send(ok(post(base + "/decision")
                .content("{\"category\":\"BANNING\",\"reason\":\"资金池规模巨大，实际控制人已失联\"}"), TestCaller.ZJ_OFFICER), 201);
        assertThat(recorded.at("/decision/category").asString()).isEqualTo("BANNING");
        assertThat(recorded.at("/decision/proposal/category").asString()).isEqualTo("RECTIFICATION");
        assertThat(recorded.at("/decision/state").asString()).isEqualTo("RECORDED");
    }

    @Test
    void cls07_auth04_aHeadOtherThanTheRecorderApprovesAndEveryVersionIsKept() throws Exception {
        send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()), TestCaller.ZJ_HEAD_FINANCE),
                201);
        send(ok(post(base + "/decision").content("{\"category\":\"RECTIFICATION\"}"), TestCaller.ZJ_HEAD_FINANCE),
                201);
        // a second record without If-Match: 428; with a stale one: 412
        send(ok(post(base + "/decision").content("{\"category\":\"RECTIFICATION\"}"), TestCaller.ZJ_OFFICER), 428);
        send(ok(post(base + "/decision").content("{\"category\":\"RECTIFICATION\"}").header("If-Match", "\"7\""),
                TestCaller.ZJ_OFFICER), 412);

        send(post(base + "/decision/approval"), TestCaller.ZJ_HEAD_FINANCE, 428);
        JsonNode ownApproval = send(post(base + "/decision/approval").header("If-Match", "\"1\""),
                TestCaller.ZJ_HEAD_FINANCE, 422);
        assertThat(ownApproval.get("rule").asString()).isEqualTo("AUTH-04");
        send(post(base + "/decision/approval").header("If-Match", "\"1\""), TestCaller.ZJ_OFFICER, 403);

        JsonNode approved = send(post(base + "/decision/approval").header("If-Match", "\"1\""),
                TestCaller.ZJ_HEAD_REGULATOR, 200);
        assertThat(approved.at("/decision/state").asString()).isEqualTo("APPROVED");
        assertThat(approved.at("/decision/approvedBy/username").asString()).isEqualTo("zj-head-regulator");
        assertThat(approved.get("deliveries")).isEmpty();
        // the decision names its institution as the registry's feed gave it, in the list too (one read a page)
        assertThat(approved.get("institutionName").asString()).isEqualTo("测试网贷平台 " + institution);
        JsonNode listed = send(get("/api/v1/classification/decisions?state=APPROVED&size=200"), TestCaller.ZJ_OFFICER,
                200);
        boolean named = false;
        for (JsonNode line : listed.get("content")) {
            if (line.get("institutionId").asString().equals(institution)) {
                named = line.get("institutionName").asString().equals("测试网贷平台 " + institution)
                        && line.get("creditCode").asString().equals("9133" + institution.hashCode());
            }
        }
        assertThat(named).as("the list names the institution").isTrue();

        JsonNode again = send(ok(post(base + "/decision").content("{\"category\":\"COMPLIANT\",\"reason\":\"x\"}")
                .header("If-Match", "\"2\""), TestCaller.ZJ_OFFICER), 422);
        assertThat(again.get("rule").asString()).isEqualTo("CLS-07");

        JsonNode versions = send(get(base + "/decision/versions"), TestCaller.CENTRAL, 200);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("state").asString()).isEqualTo("RECORDED");
        assertThat(versions.get(1).get("state").asString()).isEqualTo("APPROVED");
        List<AuditEntry> trail = mongo.find(Query.query(Criteria.where("entityType").is("decision")
                .and("entityId").is(institution)), AuditEntry.class);
        assertThat(trail).extracting(AuditEntry::action).containsExactly("RECORD_DECISION", "APPROVE_DECISION");
    }

    @Test
    void cls06_reg08_auth05_anApprovedBanningSetsTheRegistryStatusAndRefersTheInstitutionToPublicSecurityOnly()
            throws Exception {
        send(ok(post(base + "/findings").content(ClassificationApiSupport.fundraisingFinding()), TestCaller.ZJ_OFFICER),
                201);
        JsonNode recorded = send(ok(post(base + "/decision").content("{\"category\":\"BANNING\"}"),
                TestCaller.ZJ_OFFICER), 201);
        assertThat(recorded.at("/decision/proposal/category").asString()).isEqualTo("BANNING");

        JsonNode approved = send(post(base + "/decision/approval").header("If-Match", "\"1\""),
                TestCaller.ZJ_HEAD_FINANCE, 200);

        // one write: the approval and both consequences, pending
        assertThat(approved.get("deliveries")).hasSize(2);
        approved.get("deliveries").forEach(d -> assertThat(d.get("state").asString()).isEqualTo("PENDING"));

        relay.relayDue();

        JsonNode after = send(get(base + "/decision"), TestCaller.ZJ_OFFICER, 200);
        JsonNode status = delivery(after, "registry-status");
        JsonNode referralDelivery = delivery(after, AgencyRequestDelivery.KIND);
        assertThat(referralDelivery.get("state").asString()).isEqualTo("DELIVERED");
        // the registry is not running here: the status waits, with its error, and is tried again
        assertThat(status.get("state").asString()).isEqualTo("PENDING");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        assertThat(status.get("lastError").asString()).isNotBlank();

        String referralId = "R-" + institution + "-1";
        assertThat(ids(send(get(AGENCY_DOOR + "?state=SENT&kind=REFERRAL"), TestCaller.PUBLIC_SECURITY, 200)))
                .contains(referralId);
        JsonNode referral = send(get(AGENCY_DOOR + "/" + referralId), TestCaller.PUBLIC_SECURITY, 200);
        assertThat(referral.get("kind").asString()).isEqualTo("REFERRAL");
        assertThat(referral.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        assertThat(referral.get("institutionName").asString()).isEqualTo("测试网贷平台 " + institution);
        assertThat(referral.get("businessProvinces").get(0).asString()).isEqualTo("44");
        assertThat(referral.get("origin").asString()).isEqualTo("classification");
        assertThat(referral.get("originReference").asString()).isEqualTo("classification/" + institution + "/round-1");
        assertThat(referral.get("state").asString()).isEqualTo("SENT");
        assertThat(referral.get("overdue").asBoolean()).isFalse();
        assertThat(referral.get("reasons").get(0).asString()).contains("取缔类");

        // the other agencies have a door too, but this referral is not behind it
        for (TestCaller other : List.of(TestCaller.TELECOM, TestCaller.MARKET_REGULATION, TestCaller.CENTRAL_BANK)) {
            assertThat(ids(send(get(AGENCY_DOOR), other, 200))).doesNotContain(referralId);
            send(get(AGENCY_DOOR + "/" + referralId), other, 404);
        }
        send(get(AGENCY_DOOR), TestCaller.ZJ_OFFICER, 403);
        send(get(AGENCY_DOOR + "/" + referralId), TestCaller.CENTRAL, 403);
        send(get(base + "/findings"), TestCaller.PUBLIC_SECURITY, 403);
        send(get(base + "/agency-requests"), TestCaller.PUBLIC_SECURITY, 403);
        assertThat(ids(send(get(base + "/agency-requests"), TestCaller.GD_OFFICER, 200))).containsExactly(referralId);
    }

    @Test
    void auth05_publicSecurityAcknowledgesAndAnswersEachOncePerIdempotencyKey() throws Exception {
        String referralId = bannedAndReferred();
        String referral = AGENCY_DOOR + "/" + referralId;

        JsonNode acknowledged = send(ok(post(referral + "/acknowledgement").content("{\"receiptNumber\":\"杭公经受字2016-118\"}")
                .header("Idempotency-Key", "ack-1"), TestCaller.PUBLIC_SECURITY), 200);
        assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.at("/acknowledged/receiptNumber").asString()).isEqualTo("杭公经受字2016-118");

        String answer = "{\"text\":\"已立案侦查\",\"reference\":\"杭公立字2016-0091\"}";
        send(ok(post(referral + "/answers").content(answer).header("Idempotency-Key", "an-1"),
                TestCaller.PUBLIC_SECURITY), 200);
        JsonNode retried = send(ok(post(referral + "/answers").content(answer).header("Idempotency-Key", "an-1"),
                TestCaller.PUBLIC_SECURITY), 200);
        assertThat(retried.get("answers")).hasSize(1);
        assertThat(retried.at("/answers/0/reference").asString()).isEqualTo("杭公立字2016-0091");
        assertThat(retried.at("/answers/0/by/agency").asString()).isEqualTo("PUBLIC_SECURITY");
        JsonNode reused = send(ok(post(referral + "/answers").content("{\"text\":\"另一条\"}")
                .header("Idempotency-Key", "an-1"), TestCaller.PUBLIC_SECURITY), 422);
        assertThat(reused.get("type").asString()).endsWith("idempotency-key-reused");
        JsonNode second = send(ok(post(referral + "/answers").content("{\"text\":\"已移送检察院审查起诉\"}")
                .header("Idempotency-Key", "an-2"), TestCaller.PUBLIC_SECURITY), 200);
        assertThat(second.get("answers")).hasSize(2);
        assertThat(second.get("state").asString()).isEqualTo("ANSWERED");

        JsonNode blank = send(ok(post(referral + "/answers").content("{\"text\":\"\"}"), TestCaller.PUBLIC_SECURITY),
                400);
        assertThat(blank.get("rule").asString()).isEqualTo("AUTH-05");
        assertThat(blank.at("/errors/0/field").asString()).isEqualTo("text");
        send(ok(post(referral + "/answers").content(answer), TestCaller.TELECOM), 404);
        send(ok(post(referral + "/answers").content(answer), TestCaller.ZJ_OFFICER), 403);
        send(get(AGENCY_DOOR + "/R-unknown-1"), TestCaller.PUBLIC_SECURITY, 404);
        send(get(AGENCY_DOOR + "?state=LOST"), TestCaller.PUBLIC_SECURITY, 400);
        List<AuditEntry> trail = mongo.find(Query.query(Criteria.where("entityType").is("agency-request")
                .and("entityId").is(referralId)), AuditEntry.class);
        assertThat(trail).extracting(AuditEntry::action).containsExactlyInAnyOrder("ACKNOWLEDGE_AGENCY_REQUEST",
                "ANSWER_AGENCY_REQUEST", "ANSWER_AGENCY_REQUEST");
    }

    @Test
    void auth05_requestsUnansweredPastTheirDueDateAreFlaggedToTheirProvincesAndToCentral() throws Exception {
        String foreign = ClassificationApiSupport.newInstitutionId();
        references.apply(List.of(ClassificationApiSupport.institution(foreign, "11", "31")));
        // what acceptance would send (ACC-14), here straight through the delivery: due 2016-10-01, today 2016-10-10
        String blocking = "A-" + institution + "-BLOCK_WEBSITE";
        String foreignBlocking = "A-" + foreign + "-BLOCK_WEBSITE";
        for (String[] request : List.of(new String[] {blocking, institution}, new String[] {foreignBlocking, foreign})) {
            agencyRequests.deliver("entry-" + request[0], AgencyRequestDelivery.payload(new AgencyRequest.Draft(
                    request[0], AgencyRequestKind.BLOCK_WEBSITE, request[1], "测试网贷平台 " + request[1], null, null,
                    null, "acceptance", "case-1", List.of("验收未通过且仍在经营"), Instant.parse("2016-09-20T02:00:00Z"),
                    LocalDate.of(2016, 10, 1))));
        }

        assertThat(ids(send(get(OVERDUE), TestCaller.CENTRAL, 200))).contains(blocking, foreignBlocking);
        assertThat(ids(send(get(OVERDUE), TestCaller.ZJ_OFFICER, 200))).contains(blocking)
                .doesNotContain(foreignBlocking);
        assertThat(ids(send(get(OVERDUE), TestCaller.GD_OFFICER, 200))).contains(blocking)
                .doesNotContain(foreignBlocking);
        send(get(OVERDUE), TestCaller.TELECOM, 403);
        JsonNode listed = send(get(AGENCY_DOOR + "/" + blocking), TestCaller.TELECOM, 200);
        assertThat(listed.get("overdue").asBoolean()).isTrue();
        assertThat(listed.get("dueOn").asString()).isEqualTo("2016-10-01");

        send(ok(post(AGENCY_DOOR + "/" + blocking + "/answers").content("{\"text\":\"网站已关闭，APP已下架\"}"),
                TestCaller.TELECOM), 200);

        assertThat(ids(send(get(OVERDUE), TestCaller.CENTRAL, 200))).doesNotContain(blocking)
                .contains(foreignBlocking);
    }

    @Test
    void auth03_centralReopensAnApprovedDecisionWithAWrittenReasonAndTheNextRecordStartsANewRound() throws Exception {
        send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()), TestCaller.ZJ_OFFICER),
                201);
        send(ok(post(base + "/decision").content("{\"category\":\"RECTIFICATION\"}"), TestCaller.ZJ_OFFICER), 201);
        send(post(base + "/decision/approval").header("If-Match", "\"1\""), TestCaller.ZJ_HEAD_FINANCE, 200);

        JsonNode noReason = send(ok(post(base + "/decision/reopening").content("{}").header("If-Match", "\"2\""),
                TestCaller.CENTRAL), 422);
        assertThat(noReason.get("rule").asString()).isEqualTo("AUTH-03");
        send(ok(post(base + "/decision/reopening").content("{\"reason\":\"x\"}").header("If-Match", "\"2\""),
                TestCaller.ZJ_HEAD_FINANCE), 403);
        JsonNode reopened = send(ok(post(base + "/decision/reopening").content("{\"reason\":\"举报线索显示涉嫌自融，需重新核查\"}")
                .header("If-Match", "\"2\""), TestCaller.CENTRAL), 200);
        assertThat(reopened.at("/decision/state").asString()).isEqualTo("REOPENED");
        assertThat(reopened.at("/decision/reopenedBy/username").asString()).isEqualTo("central");

        JsonNode next = send(ok(post(base + "/decision").content("{\"category\":\"RECTIFICATION\"}")
                .header("If-Match", "\"3\""), TestCaller.ZJ_OFFICER), 200);
        assertThat(next.at("/decision/round").asInt()).isEqualTo(2);
        assertThat(next.at("/decision/state").asString()).isEqualTo("RECORDED");
        assertThat(send(get(base + "/decision/versions"), TestCaller.ZJ_OFFICER, 200)).hasSize(4);
    }

    @Test
    void cls01_findingsChangeOnlyByVersionsAndAWithdrawalNeedsAReason() throws Exception {
        JsonNode first = send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()),
                TestCaller.ZJ_OFFICER), 201);
        String finding = base + "/findings/" + first.get("id").asString();

        String amended = ClassificationApiSupport.fundPoolFinding().replace("1250000.00", "980000.50");
        send(ok(put(finding).content(amended), TestCaller.ZJ_OFFICER), 428);
        JsonNode second = send(ok(put(finding).content(amended).header("If-Match", "\"1\""), TestCaller.ZJ_OFFICER),
                200);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(second.get("outstandingAmount").asString())).isEqualByComparingTo("980000.50");
        send(ok(put(finding).content(amended).header("If-Match", "\"1\""), TestCaller.ZJ_OFFICER), 412);

        JsonNode noReason = send(ok(post(finding + "/withdrawal").content("{}").header("If-Match", "\"2\""),
                TestCaller.ZJ_OFFICER), 422);
        assertThat(noReason.get("rule").asString()).isEqualTo("CLS-01");
        JsonNode withdrawn = send(ok(post(finding + "/withdrawal").content("{\"reason\":\"复核后不成立\"}")
                .header("If-Match", "\"2\""), TestCaller.ZJ_OFFICER), 200);
        assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(send(get(finding + "/versions"), TestCaller.CENTRAL, 200)).hasSize(3);

        JsonNode unknownProblem = send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()
                .replace("FUND_POOL", "NOT_A_PROBLEM")), TestCaller.ZJ_OFFICER), 400);
        assertThat(unknownProblem.toString()).doesNotContain("Exception");
        JsonNode noAmount = send(ok(post(base + "/findings").content(ClassificationApiSupport.fundPoolFinding()
                .replace(",\"outstandingAmount\":1250000.00", "")), TestCaller.ZJ_OFFICER), 422);
        assertThat(noAmount.get("rule").asString()).isEqualTo("CLS-01");
        send(ok(post(base + "/findings").content("{\"problemCode\":\"FUND_POOL\"}"), TestCaller.ZJ_OFFICER), 400);
        send(ok(post(base + "/findings").content("{not json"), TestCaller.ZJ_OFFICER), 400);
    }

    // -----------------------------------------------------------------------------------------------------------------

    private String bannedAndReferred() throws Exception {
        send(ok(post(base + "/findings").content(ClassificationApiSupport.fundraisingFinding()), TestCaller.ZJ_OFFICER),
                201);
        send(ok(post(base + "/decision").content("{\"category\":\"BANNING\"}"), TestCaller.ZJ_OFFICER), 201);
        send(post(base + "/decision/approval").header("If-Match", "\"1\""), TestCaller.ZJ_HEAD_FINANCE, 200);
        relay.relayDue();
        return "R-" + institution + "-1";
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static JsonNode delivery(JsonNode decision, String kind) {
        for (JsonNode delivery : decision.get("deliveries")) {
            if (delivery.get("kind").asString().equals(kind)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery of kind " + kind + " in " + decision);
    }

    private static MonthlyReport report(String period, String balance, long lenders, String yield) {
        return new MonthlyReport(period, new BigDecimal(balance), lenders, lenders * 3, new BigDecimal("100000.00"),
                List.of(new MonthlyReport.Product("月月盈", 12, new BigDecimal(yield))), null);
    }

    private static MockHttpServletRequestBuilder ok(MockHttpServletRequestBuilder request, TestCaller caller) {
        return request.contentType(MediaType.APPLICATION_JSON).with(caller.auth());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int expected) throws Exception {
        return send(request.with(caller.auth()), expected);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String body = response.getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
