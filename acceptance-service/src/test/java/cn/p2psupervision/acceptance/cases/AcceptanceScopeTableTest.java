package cn.p2psupervision.acceptance.cases;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
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

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.cases.CaseStates.Setup;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * AUTH-02..05 for every endpoint of the acceptance context that concerns one case: each endpoint × caller × case
 * (registered here, business place, foreign) is a row, with its expected status written out. Every row gets a case of
 * its own in the state the endpoint needs, so that a write in one row never changes what another row sees.
 */
@AcceptanceApiTest
class AcceptanceScopeTableTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseStore store;
    @Autowired
    CaseService service;
    @Autowired
    MutableClock clock;
    @MockitoBean
    ClassificationFacts classification;

    /** The three cases, from Zhejiang's point of view. */
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
    enum Act {
        READ,
        /** The registration province's officers and heads. */
        WRITE,
        /** The business-place province answers its own opinion (ACC-16). */
        ANSWER,
        /** Central waives an opinion (ACC-16). */
        WAIVE,
        /** The registration province's heads of the two agencies (ACC-11). */
        SIGN
    }

    enum Endpoint {
        CASE_OPEN(Act.WRITE, 201, Setup.NONE),
        CASE_GET(Act.READ, 200, Setup.OPENED),
        GATES(Act.READ, 200, Setup.OPENED),
        SPLIT_ENTITIES(Act.WRITE, 200, Setup.OPENED),
        TEAM_ADD(Act.WRITE, 201, Setup.OPENED),
        TEAM_REMOVE(Act.WRITE, 200, Setup.TEAM),
        CHECK_RECORD(Act.WRITE, 200, Setup.TEAM),
        CHECK_CONFIRM(Act.WRITE, 200, Setup.RECORDED),
        OPINION_ANSWER(Act.ANSWER, 200, Setup.OPENED),
        OPINION_WAIVER(Act.WAIVE, 200, Setup.OPENED),
        CONCLUSION(Act.WRITE, 200, Setup.READY),
        RESUMPTION(Act.WRITE, 200, Setup.AWAITING_RESUMPTION),
        SIGNATURE(Act.SIGN, 200, Setup.NOTICE_SERVED),
        FILING(Act.WRITE, 200, Setup.CERTIFIED);

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
     * not revealed); central reads and waives opinions, and writes nothing else (AUTH-03); the registration province
     * reads and writes, and only its heads sign (AUTH-04, ACC-11); a business-place province reads and answers its own
     * opinion, and is refused every other act (403).
     */
    static int expected(Endpoint endpoint, TestCaller caller, Fixture fixture) {
        return switch (relation(caller, fixture)) {
            case ANONYMOUS -> 401;
            case AGENCY -> 403;
            case FOREIGN -> 404;
            case CENTRAL -> endpoint.act == Act.READ || endpoint.act == Act.WAIVE ? endpoint.success : 403;
            case BUSINESS_PLACE -> endpoint.act == Act.READ || endpoint.act == Act.ANSWER ? endpoint.success : 403;
            case REGISTERED_HERE -> switch (endpoint.act) {
                case READ, WRITE -> endpoint.success;
                case ANSWER, WAIVE -> 403;
                case SIGN -> EnumSet.of(TestCaller.ZJ_HEAD_FINANCE, TestCaller.ZJ_HEAD_REGULATOR,
                        TestCaller.GD_HEAD_FINANCE, TestCaller.GD_HEAD_REGULATOR).contains(caller)
                        ? endpoint.success : 403;
            };
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (TestCaller caller : callers().toList()) {
                for (Fixture fixture : Fixture.values()) {
                    rows.add(Arguments.of(endpoint, caller, fixture, expected(endpoint, caller, fixture)));
                }
            }
        }
        return rows.stream();
    }

    static Stream<TestCaller> callers() {
        return Stream.of(TestCaller.values()).filter(c -> c != TestCaller.INTERNAL);
    }

    @BeforeEach
    void compliantInstitutions() {
        clock.setDay(MutableClock.START);
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
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

    @ParameterizedTest(name = "case list and overdue list of {0}")
    @MethodSource("callers")
    void auth02_acc13_theListsShowExactlyTheReadableCases(TestCaller caller) throws Exception {
        // newer than any other case of the shared database, so that the first page of the list holds them
        clock.setDay("2018-04-01");
        List<Prepared> prepared = new ArrayList<>();
        for (Fixture fixture : Fixture.values()) {
            prepared.add(prepare(Setup.OPENED, fixture));
        }
        clock.setDay("2018-05-01");
        try {
            for (String path : List.of("/api/v1/acceptance/cases?size=200&state=OPEN",
                    "/api/v1/acceptance/cases/overdue")) {
                MockHttpServletResponse response = mvc.perform(get(path).with(caller.auth())).andReturn()
                        .getResponse();
                if (caller == TestCaller.ANONYMOUS || caller.isAgency()) {
                    assertThat(response.getStatus()).isEqualTo(caller == TestCaller.ANONYMOUS ? 401 : 403);
                    continue;
                }
                assertThat(response.getStatus()).isEqualTo(200);
                var body = json.readTree(response.getContentAsString());
                List<String> listed = new ArrayList<>();
                (body.has("content") ? body.get("content") : body)
                        .forEach(line -> listed.add(line.get("institutionId").asString()));
                for (int i = 0; i < Fixture.values().length; i++) {
                    Fixture fixture = Fixture.values()[i];
                    boolean readable = expected(Endpoint.CASE_GET, caller, fixture) == 200;
                    assertThat(listed.contains(prepared.get(i).institutionId)).as(path + " " + fixture)
                            .isEqualTo(readable);
                }
            }
        } finally {
            clock.setDay(MutableClock.START);
        }
    }

    // -----------------------------------------------------------------------------------------------------------------

    record Prepared(String institutionId, String branch, long version) {
    }

    private Prepared prepare(Setup setup, Fixture fixture) {
        String id = AcceptanceApiSupport.newInstitutionId();
        InstitutionReference institution = AcceptanceApiSupport.institution(id, fixture.province, fixture.branch);
        references.apply(List.of(institution));
        AcceptanceCase c = CaseStates.at(setup, institution, clock.instant());
        if (c != null) {
            store.insert(c);
        }
        return new Prepared(id, fixture.branch, c == null ? 0 : c.version());
    }

    private MockHttpServletRequestBuilder request(Endpoint endpoint, Prepared prepared) {
        String base = "/api/v1/acceptance/cases/" + prepared.institutionId;
        String ifMatch = "\"" + prepared.version + "\"";
        return switch (endpoint) {
            case CASE_OPEN -> json(post("/api/v1/acceptance/cases"))
                    .content("{\"institutionId\":\"" + prepared.institutionId + "\",\"complexity\":\"MAIN\"}");
            case CASE_GET -> get(base);
            case GATES -> get(base + "/gates");
            case SPLIT_ENTITIES -> json(put(base + "/split-entities")).header("If-Match", ifMatch)
                    .content("{\"splitEntities\":[]}");
            case TEAM_ADD -> json(post(base + "/team")).header("If-Match", ifMatch)
                    .content("{\"name\":\"周警官\",\"agency\":\"PUBLIC_SECURITY\",\"organisation\":\"经侦总队\"}");
            case TEAM_REMOVE -> delete(base + "/team/m2").header("If-Match", ifMatch);
            case CHECK_RECORD -> json(put(base + "/checks/FUND_FLOWS")).header("If-Match", ifMatch)
                    .content("{\"result\":\"PASSED\",\"evidence\":\"资金流水核查\",\"recordedBy\":\"m1\"}");
            case CHECK_CONFIRM -> json(post(base + "/checks/LEDGER_SYSTEM/confirmation")).header("If-Match", ifMatch)
                    .content("{\"confirmedBy\":\"m2\"}");
            case OPINION_ANSWER -> json(post(base + "/opinions/" + prepared.branch)).header("If-Match", ifMatch)
                    .content("{\"agrees\":true,\"text\":\"同意验收\"}");
            case OPINION_WAIVER -> json(post(base + "/opinions/" + prepared.branch + "/waiver"))
                    .header("If-Match", ifMatch).content("{\"reason\":\"逾期未回复，同意豁免\"}");
            case CONCLUSION -> json(post(base + "/conclusion")).header("If-Match", ifMatch)
                    .content("{\"outcome\":\"PASSED\",\"reason\":\"同意验收\"}");
            case RESUMPTION -> json(post(base + "/resumption")).header("If-Match", ifMatch)
                    .content("{\"note\":\"已恢复经营\"}");
            case SIGNATURE -> post(base + "/certificate/signatures").header("If-Match", ifMatch);
            case FILING -> post(base + "/filing").header("If-Match", ifMatch);
        };
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON);
    }
}
