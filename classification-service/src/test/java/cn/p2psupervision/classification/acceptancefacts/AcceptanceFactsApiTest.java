package cn.p2psupervision.classification.acceptancefacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.classification.ClassificationApiSupport;
import cn.p2psupervision.classification.ClassificationApiTest;
import cn.p2psupervision.classification.decision.DecisionService;
import cn.p2psupervision.classification.finding.FindingService;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.classification.rectification.OrderedItem;
import cn.p2psupervision.classification.rectification.RectificationOrderService;
import cn.p2psupervision.classification.rectification.StockFigure;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * ACC-01/ACC-02 seen from classification: what the acceptance context reads of an institution, service to service at
 * {@code /internal/classification/institutions/{id}/acceptance-facts} — the approved decision, where its rectification
 * order stands, and the active findings with their stock now. Only the platform's own identity reaches it.
 */
@ClassificationApiTest
class AcceptanceFactsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    FindingService findings;
    @Autowired
    DecisionService decisions;
    @Autowired
    RectificationOrderService orders;
    @MockitoBean
    RegistryReports reports;

    String institution;
    Caller officer = ClassificationApiSupport.officerOf("33");
    Caller head = ClassificationApiSupport.headOf("33");

    @BeforeEach
    void zhejiangInstitution() {
        institution = ClassificationApiSupport.newInstitutionId();
        references.apply(List.of(ClassificationApiSupport.institution(institution, "33", "44")));
    }

    @Test
    void acc01_aRectificationDecisionWithItsOrderFinishedShowsTheStockNowAtZero() throws Exception {
        String fundPool = findings.record(officer, institution,
                ClassificationApiSupport.details(json, ClassificationApiSupport.fundPoolFinding())).id();
        decisions.record(officer, institution, Category.RECTIFICATION, null, null);
        decisions.approve(head, institution, 1);
        LocalDate today = LocalDate.of(2016, 10, 10);
        orders.issue(officer, institution, today, today.plusMonths(3), List.of(new OrderedItem(fundPool, "清退资金池")));

        JsonNode open = facts(TestCaller.INTERNAL, 200);
        assertThat(open.at("/approvedDecision/category").asString()).isEqualTo("RECTIFICATION");
        assertThat(open.at("/approvedDecision/round").asInt()).isEqualTo(1);
        assertThat(open.at("/approvedDecision/approvedAt").asString()).startsWith("2016-10-10");
        assertThat(open.at("/decisionState").asString()).isEqualTo("APPROVED");
        assertThat(open.at("/rectification/exists").asBoolean()).isTrue();
        assertThat(open.at("/rectification/finished").asBoolean()).isFalse();
        assertThat(open.at("/rectification/openItems").asInt()).isEqualTo(1);
        assertThat(open.at("/findings/0/problemCode").asString()).isEqualTo("FUND_POOL");
        assertThat(open.at("/findings/0/kind").asString()).isEqualTo("RED_LINE");
        assertThat(open.at("/findings/0/violatingBusiness").asBoolean()).isTrue();
        assertThat(open.at("/findings/0/foundOn").asString()).isEqualTo("2016-07-15");
        assertThat(new BigDecimal(open.at("/findings/0/outstandingAmount").asString())).isEqualByComparingTo("1250000.00");
        assertThat(open.at("/findings/0/rectificationItem").asInt()).isEqualTo(1);

        orders.report(officer, institution, 1, today, List.of(new StockFigure(1, BigDecimal.ZERO)));
        orders.complete(officer, institution, 1, 2, today, "资金池已清退，存量为零");

        JsonNode finished = facts(TestCaller.INTERNAL, 200);
        assertThat(finished.at("/rectification/finished").asBoolean()).isTrue();
        assertThat(finished.at("/rectification/openItems").asInt()).isZero();
        assertThat(new BigDecimal(finished.at("/findings/0/outstandingAmount").asString())).isEqualByComparingTo("0");
        assertThat(finished.at("/findings/0/rectified").asBoolean()).isTrue();
    }

    @Test
    void acc01_aDecisionWaitingForApprovalIsNoApprovedDecision() throws Exception {
        decisions.record(officer, institution, Category.COMPLIANT, null, null);

        JsonNode facts = facts(TestCaller.INTERNAL, 200);

        assertThat(facts.get("approvedDecision").isNull()).isTrue();
        assertThat(facts.get("decisionState").asString()).isEqualTo("RECORDED");
        assertThat(facts.at("/rectification/exists").asBoolean()).isFalse();
        assertThat(facts.get("findings")).isEmpty();
    }

    @Test
    void acc02_withdrawnFindingsDoNotCount() throws Exception {
        String id = findings.record(officer, institution,
                ClassificationApiSupport.details(json, ClassificationApiSupport.fundPoolFinding())).id();
        findings.withdraw(officer, institution, id, 1, "复核后不成立");

        assertThat(facts(TestCaller.INTERNAL, 200).get("findings")).isEmpty();
    }

    @Test
    void acc01_anInstitutionClassificationDoesNotKnowIs404() throws Exception {
        institution = "unknown-" + institution;

        JsonNode problem = facts(TestCaller.INTERNAL, 404);

        assertThat(problem.get("type").asString()).endsWith("not-found");
    }

    @ParameterizedTest(name = "AUTH-01 {0} does not reach the internal facts")
    @EnumSource(value = TestCaller.class, names = {"CENTRAL", "ZJ_OFFICER", "ZJ_HEAD_FINANCE", "PUBLIC_SECURITY",
            "ANONYMOUS"})
    void auth01_onlyThePlatformsOwnIdentityReadsTheFacts(TestCaller caller) throws Exception {
        facts(caller, caller == TestCaller.ANONYMOUS ? 401 : 403);
    }

    private JsonNode facts(TestCaller caller, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/internal/classification/institutions/" + institution
                + "/acceptance-facts").with(caller.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }
}
