package cn.p2psupervision.classification.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.classification.ClassificationApiSupport;
import cn.p2psupervision.classification.ClassificationApiTest;
import cn.p2psupervision.classification.decision.DecisionService;
import cn.p2psupervision.classification.finding.FindingDetails;
import cn.p2psupervision.classification.finding.FindingService;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * CLS-09 per province and nationally, as of a date. The institutions are registered in Hainan (46), which no other
 * test of this context uses, so the figures are exact although the tests share one in-memory database.
 */
@ClassificationApiTest
class StatisticsApiTest {

    private static final String HAINAN = "46";

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
    StatisticsService statistics;
    @MockitoBean
    RegistryReports reports;

    static boolean prepared;

    /** Four Hainan institutions: rectification approved, banning approved, one recorded only, one undecided. */
    @BeforeEach
    void hainan() throws Exception {
        if (prepared) {
            return;
        }
        prepared = true;
        Caller officer = ClassificationApiSupport.officerOf(HAINAN);
        Caller head = ClassificationApiSupport.headOf(HAINAN);
        String rectified = institution();
        findings.record(officer, rectified, details(ClassificationApiSupport.fundPoolFinding()));
        decisions.record(officer, rectified, Category.RECTIFICATION, null, null);
        decisions.approve(head, rectified, 1);

        String banned = institution();
        findings.record(officer, banned, details(ClassificationApiSupport.fundPoolFinding()));
        findings.record(officer, banned, details(ClassificationApiSupport.fundraisingFinding()));
        decisions.record(officer, banned, Category.BANNING, null, null);
        decisions.approve(head, banned, 1);

        String recorded = institution();
        findings.record(officer, recorded, details(ClassificationApiSupport.fundPoolFinding()));
        decisions.record(officer, recorded, Category.RECTIFICATION, null, null);

        institution();
    }

    @Test
    void cls09_aProvincesCategoriesProblemSharesAndRedLinesAsOfToday() {
        ClassificationStatistics figures = statistics.compute(ClassificationApiSupport.officerOf(HAINAN), null, null);

        assertThat(figures.province()).isEqualTo(HAINAN);
        assertThat(figures.institutions()).isEqualTo(4);
        assertThat(figures.categories()).containsEntry("COMPLIANT", 0L).containsEntry("RECTIFICATION", 1L)
                .containsEntry("BANNING", 1L);
        assertThat(figures.awaiting()).isEqualTo(1);
        assertThat(figures.undecided()).isEqualTo(1);
        assertThat(figures.problems()).extracting(ClassificationStatistics.ProblemShare::code)
                .containsExactly("FUND_POOL", "ILLEGAL_FUNDRAISING");
        assertThat(figures.problems().get(0).institutions()).isEqualTo(3);
        assertThat(figures.problems().get(0).share()).isEqualByComparingTo("0.75");
        assertThat(figures.topRedLines()).extracting(ClassificationStatistics.ProblemShare::code)
                .containsExactly("FUND_POOL");
        assertThat(figures.byProvince()).isEmpty();
    }

    @Test
    void cls09_asOfTheDayBeforeNothingWasDecidedOrFound() {
        ClassificationStatistics before = statistics.compute(ClassificationApiSupport.officerOf(HAINAN), HAINAN,
                java.time.LocalDate.of(2016, 10, 9));

        assertThat(before.categories().values()).containsOnly(0L);
        assertThat(before.awaiting()).isZero();
        assertThat(before.undecided()).isEqualTo(4);
        assertThat(before.problems()).isEmpty();
    }

    @Test
    void cls09_centralSeesTheNationalFiguresWithEveryProvincesLine() throws Exception {
        JsonNode national = read(mvc.perform(get("/api/v1/classification/statistics").with(TestCaller.CENTRAL.auth()))
                .andReturn().getResponse(), 200);

        assertThat(national.get("province").isNull()).isTrue();
        assertThat(national.get("byProvince")).hasSize(31);
        JsonNode hainan = null;
        for (JsonNode line : national.get("byProvince")) {
            if (line.get("province").asString().equals(HAINAN)) {
                hainan = line;
            }
        }
        assertThat(hainan.get("provinceName").asString()).isEqualTo("海南");
        assertThat(hainan.get("institutions").asLong()).isEqualTo(4);
        assertThat(hainan.at("/categories/BANNING").asLong()).isEqualTo(1);
        assertThat(hainan.get("awaiting").asLong()).isEqualTo(1);

        JsonNode province = read(mvc.perform(get("/api/v1/classification/statistics?province=46")
                .with(TestCaller.CENTRAL.auth())).andReturn().getResponse(), 200);
        assertThat(province.get("institutions").asLong()).isEqualTo(4);
    }

    @Test
    void cls09_auth02_aProvinceReadsOnlyItsOwnFigures() throws Exception {
        read(mvc.perform(get("/api/v1/classification/statistics?province=46").with(TestCaller.ZJ_OFFICER.auth()))
                .andReturn().getResponse(), 404);
        JsonNode own = read(mvc.perform(get("/api/v1/classification/statistics").with(TestCaller.ZJ_OFFICER.auth()))
                .andReturn().getResponse(), 200);
        assertThat(own.get("province").asString()).isEqualTo("33");
        read(mvc.perform(get("/api/v1/classification/statistics").with(TestCaller.TELECOM.auth())).andReturn()
                .getResponse(), 403);
        read(mvc.perform(get("/api/v1/classification/statistics?province=99").with(TestCaller.CENTRAL.auth()))
                .andReturn().getResponse(), 404);
        read(mvc.perform(get("/api/v1/classification/statistics?asOf=yesterday").with(TestCaller.CENTRAL.auth()))
                .andReturn().getResponse(), 400);
    }

    private String institution() {
        String id = ClassificationApiSupport.newInstitutionId();
        references.apply(List.of(ClassificationApiSupport.institution(id, HAINAN)));
        return id;
    }

    private FindingDetails details(String finding) {
        return ClassificationApiSupport.details(json, finding);
    }

    private JsonNode read(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }
}
