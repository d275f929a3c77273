package cn.p2psupervision.classification.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.classification.ClassificationApiSupport;
import cn.p2psupervision.classification.ClassificationApiTest;
import cn.p2psupervision.classification.finding.FindingDetails;
import cn.p2psupervision.classification.finding.FindingService;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * AUTH-02..05 for every endpoint of the classification context that concerns one institution: each endpoint × caller
 * × record (registered here, business place, foreign) is a row, with its expected status written out. Every row gets
 * records of its own, so that a write in one row never changes what another row sees. The system tests replay the
 * same table through the gateway with real Keycloak tokens.
 */
@ClassificationApiTest
class ClassificationScopeTableTest {

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
    @MockitoBean
    RegistryReports reports;

    /** The three records, from Zhejiang's point of view. */
    enum Fixture {
        /** Registered in 33, with a branch in 44. */
        OWN("33", "44"),
        /** Registered in 44, with a branch in 33. */
        B("44", "33"),
        /** Registered in 11, with a branch in 31. */
        FOREIGN("11", "31");

        final String province;
        final String branch;

        Fixture(String province, String branch) {
            this.province = province;
            this.branch = branch;
        }
    }

    enum Relation { REGISTERED_HERE, BUSINESS_PLACE, FOREIGN, CENTRAL, AGENCY, ANONYMOUS }

    /** Written out, not computed by the rule under test. */
    static Relation relation(TestCaller caller, Fixture fixture) {
        return switch (caller) {
            case ANONYMOUS -> Relation.ANONYMOUS;
            case PUBLIC_SECURITY, TELECOM, MARKET_REGULATION, CENTRAL_BANK -> Relation.AGENCY;
            case CENTRAL -> Relation.CENTRAL;
            case ZJ_OFFICER, ZJ_HEAD_FINANCE, ZJ_HEAD_REGULATOR -> switch (fixture) {
                case OWN -> Relation.REGISTERED_HERE;
                case B -> Relation.BUSINESS_PLACE;
                case FOREIGN -> Relation.FOREIGN;
            };
            case GD_OFFICER, GD_HEAD_FINANCE, GD_HEAD_REGULATOR -> switch (fixture) {
                case OWN -> Relation.BUSINESS_PLACE;
                case B -> Relation.REGISTERED_HERE;
                case FOREIGN -> Relation.FOREIGN;
            };
            case INTERNAL -> throw new IllegalArgumentException("not in the table");
        };
    }

    /** What an endpoint needs of the caller beyond reading. */
    enum Act { READ, WRITE, APPROVE, REOPEN }

    /** What must exist before the call. */
    enum Setup { FINDING, RECORDED_DECISION, APPROVED_DECISION }

    enum Endpoint {
        FINDINGS_LIST(Act.READ, 200, Setup.FINDING),
        FINDING_GET(Act.READ, 200, Setup.FINDING),
        FINDING_VERSIONS(Act.READ, 200, Setup.FINDING),
        FINDING_RECORD(Act.WRITE, 201, Setup.FINDING),
        FINDING_AMEND(Act.WRITE, 200, Setup.FINDING),
        FINDING_WITHDRAW(Act.WRITE, 200, Setup.FINDING),
        PROPOSAL(Act.READ, 200, Setup.FINDING),
        DECISION_RECORD(Act.WRITE, 201, Setup.FINDING),
        DECISION_GET(Act.READ, 200, Setup.RECORDED_DECISION),
        DECISION_VERSIONS(Act.READ, 200, Setup.RECORDED_DECISION),
        DECISION_APPROVE(Act.APPROVE, 200, Setup.RECORDED_DECISION),
        DECISION_REOPEN(Act.REOPEN, 200, Setup.APPROVED_DECISION),
        AGENCY_REQUESTS_OF_INSTITUTION(Act.READ, 200, Setup.FINDING);

        final Act act;
        final int success;
        final Setup setup;

        Endpoint(Act act, int success, Setup setup) {
            this.act = act;
            this.success = success;
            this.setup = setup;
        }
    }

    /**
     * Anonymous 401; agencies 403 (role before scope, AUTH-05); a foreign province 404 whatever the act (existence is
     * not revealed); central reads, reopens, and writes nothing else (AUTH-03); the registration province reads and
     * writes, and only its heads approve (AUTH-04); a business-place province reads and is refused every act (403).
     */
    static int expected(Endpoint endpoint, TestCaller caller, Fixture fixture) {
        Relation relation = relation(caller, fixture);
        return switch (relation) {
            case ANONYMOUS -> 401;
            case AGENCY -> 403;
            case FOREIGN -> 404;
            case CENTRAL -> endpoint.act == Act.READ || endpoint.act == Act.REOPEN ? endpoint.success : 403;
            case BUSINESS_PLACE -> endpoint.act == Act.READ ? endpoint.success : 403;
            case REGISTERED_HERE -> switch (endpoint.act) {
                case READ, WRITE -> endpoint.success;
                case APPROVE -> EnumSet.of(TestCaller.ZJ_HEAD_FINANCE, TestCaller.ZJ_HEAD_REGULATOR,
                        TestCaller.GD_HEAD_FINANCE, TestCaller.GD_HEAD_REGULATOR).contains(caller)
                        ? endpoint.success : 403;
                case REOPEN -> 403;
            };
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (TestCaller caller : TestCaller.values()) {
                if (caller == TestCaller.INTERNAL) {
                    continue;
                }
                for (Fixture fixture : Fixture.values()) {
                    rows.add(Arguments.of(endpoint, caller, fixture, expected(endpoint, caller, fixture)));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} by {1} on {2} -> {3}")
    @MethodSource("table")
    void auth02_theScopeTable(Endpoint endpoint, TestCaller caller, Fixture fixture, int expected) throws Exception {
        Prepared prepared = prepare(endpoint.setup, fixture);

        MockHttpServletResponse response = mvc.perform(request(endpoint, prepared).with(caller.auth()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "decision list of {0}")
    @MethodSource("listCallers")
    void auth02_theDecisionListShowsExactlyTheReadableRecords(TestCaller caller) throws Exception {
        List<Prepared> prepared = new ArrayList<>();
        for (Fixture fixture : Fixture.values()) {
            prepared.add(prepare(Setup.RECORDED_DECISION, fixture));
        }

        MockHttpServletResponse response = mvc.perform(get("/api/v1/classification/decisions?size=200")
                .with(caller.auth())).andReturn().getResponse();

        if (caller == TestCaller.ANONYMOUS) {
            assertThat(response.getStatus()).isEqualTo(401);
            return;
        }
        if (caller.isAgency()) {
            assertThat(response.getStatus()).isEqualTo(403);
            return;
        }
        assertThat(response.getStatus()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        json.readTree(response.getContentAsString()).get("content")
                .forEach(line -> listed.add(line.get("institutionId").asString()));
        for (int i = 0; i < Fixture.values().length; i++) {
            Fixture fixture = Fixture.values()[i];
            boolean readable = expected(Endpoint.DECISION_GET, caller, fixture) == 200;
            assertThat(listed.contains(prepared.get(i).institutionId)).as(fixture.name()).isEqualTo(readable);
        }
    }

    static Stream<TestCaller> listCallers() {
        return Stream.of(TestCaller.values()).filter(c -> c != TestCaller.INTERNAL);
    }

    // -----------------------------------------------------------------------------------------------------------------

    record Prepared(String institutionId, String findingId) {
    }

    private Prepared prepare(Setup setup, Fixture fixture) throws Exception {
        String id = ClassificationApiSupport.newInstitutionId();
        references.apply(List.of(ClassificationApiSupport.institution(id, fixture.province, fixture.branch)));
        Caller officer = ClassificationApiSupport.officerOf(fixture.province);
        FindingDetails details = ClassificationApiSupport.details(json, ClassificationApiSupport.fundPoolFinding());
        String findingId = findings.record(officer, id, details).id();
        if (setup != Setup.FINDING) {
            decisions.record(officer, id, Category.RECTIFICATION, null, null);
        }
        if (setup == Setup.APPROVED_DECISION) {
            decisions.approve(ClassificationApiSupport.headOf(fixture.province), id, 1);
        }
        return new Prepared(id, findingId);
    }

    private MockHttpServletRequestBuilder request(Endpoint endpoint, Prepared prepared) {
        String institution = "/api/v1/classification/institutions/" + prepared.institutionId;
        String finding = institution + "/findings/" + prepared.findingId;
        return switch (endpoint) {
            case FINDINGS_LIST -> get(institution + "/findings");
            case FINDING_GET -> get(finding);
            case FINDING_VERSIONS -> get(finding + "/versions");
            case FINDING_RECORD -> post(institution + "/findings").contentType(MediaType.APPLICATION_JSON)
                    .content(ClassificationApiSupport.fundPoolFinding());
            case FINDING_AMEND -> put(finding).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                    .content(ClassificationApiSupport.fundPoolFinding());
            case FINDING_WITHDRAW -> post(finding + "/withdrawal").header("If-Match", "\"1\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"经复核不属实\"}");
            case PROPOSAL -> get(institution + "/proposal");
            case DECISION_RECORD -> post(institution + "/decision").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"category\":\"RECTIFICATION\"}");
            case DECISION_GET -> get(institution + "/decision");
            case DECISION_VERSIONS -> get(institution + "/decision/versions");
            case DECISION_APPROVE -> post(institution + "/decision/approval").header("If-Match", "\"1\"");
            case DECISION_REOPEN -> post(institution + "/decision/reopening").header("If-Match", "\"2\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"中央整治办复核：证据不足\"}");
            case AGENCY_REQUESTS_OF_INSTITUTION -> get(institution + "/agency-requests");
        };
    }
}
