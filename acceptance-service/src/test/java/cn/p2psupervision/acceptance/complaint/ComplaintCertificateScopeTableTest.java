package cn.p2psupervision.acceptance.complaint;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * AUTH-02..06 for the endpoints of complaints, public lists and certificates: each endpoint × caller × record
 * (registered here, business place, foreign) is a row with its expected status written out. The reads share one
 * certified case per record; each resolution row gets a case and a complaint of its own, so that a resolution in one
 * row never changes what another sees. The public endpoints answer everyone alike, with a token or without.
 */
@AcceptanceApiTest
class ComplaintCertificateScopeTableTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseService cases;
    @Autowired
    ComplaintService complaints;
    @Autowired
    MutableClock clock;
    @MockitoBean
    ClassificationFacts classification;

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

    enum Relation { REGISTERED_HERE, BUSINESS_PLACE, FOREIGN, CENTRAL, AGENCY, INTERNAL, ANONYMOUS }

    enum Endpoint { COMPLAINTS, RESOLUTION, CERTIFICATE_PDF }

    enum PublicEndpoint { NOTICES, FILED, CERTIFICATE_VERIFICATION, COMPLAINT_STATUS, LODGE }

    static final List<TestCaller> CALLERS = List.of(TestCaller.CENTRAL, TestCaller.ZJ_OFFICER,
            TestCaller.ZJ_HEAD_FINANCE, TestCaller.GD_OFFICER, TestCaller.PUBLIC_SECURITY, TestCaller.INTERNAL,
            TestCaller.ANONYMOUS);

    /** Written out, not computed by the rule under test. */
    static Relation relation(TestCaller caller, Fixture fixture) {
        return switch (caller) {
            case ANONYMOUS -> Relation.ANONYMOUS;
            case PUBLIC_SECURITY -> Relation.AGENCY;
            case INTERNAL -> Relation.INTERNAL;
            case CENTRAL -> Relation.CENTRAL;
            case ZJ_OFFICER, ZJ_HEAD_FINANCE -> switch (fixture) {
                case OWN -> Relation.REGISTERED_HERE;
                case B -> Relation.BUSINESS_PLACE;
                case FOREIGN -> Relation.FOREIGN;
            };
            case GD_OFFICER -> switch (fixture) {
                case OWN -> Relation.BUSINESS_PLACE;
                case B -> Relation.REGISTERED_HERE;
                case FOREIGN -> Relation.FOREIGN;
            };
            default -> throw new IllegalArgumentException(caller.name());
        };
    }

    /** The expected status of each endpoint for each relation. */
    static int expected(Endpoint endpoint, Relation relation) {
        return switch (relation) {
            case ANONYMOUS -> 401;
            case AGENCY, INTERNAL -> 403;
            case FOREIGN -> 404;
            case CENTRAL -> endpoint == Endpoint.RESOLUTION ? 403 : 200;
            case BUSINESS_PLACE -> endpoint == Endpoint.RESOLUTION ? 403 : 200;
            case REGISTERED_HERE -> 200;
        };
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (TestCaller caller : CALLERS) {
                for (Fixture fixture : Fixture.values()) {
                    rows.add(Arguments.of(endpoint, caller, fixture,
                            expected(endpoint, relation(caller, fixture))));
                }
            }
        }
        return rows.stream();
    }

    static Stream<Arguments> publicRows() {
        List<Arguments> rows = new ArrayList<>();
        for (PublicEndpoint endpoint : PublicEndpoint.values()) {
            for (TestCaller caller : CALLERS) {
                rows.add(Arguments.of(endpoint, caller, endpoint == PublicEndpoint.LODGE ? 201 : 200));
            }
        }
        return rows.stream();
    }

    /** A certified case with one open complaint, per record, for the rows that only read. */
    private static final Map<Fixture, Records> SHARED = new EnumMap<>(Fixture.class);

    record Records(InstitutionReference institution, AcceptanceCase certified, String receipt, String secret) {
    }

    @BeforeEach
    void campaign() {
        clock.setDay("2018-04-10");
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
    }

    Records records(Fixture fixture) {
        InstitutionReference institution = AcceptanceApiSupport.institution(AcceptanceApiSupport.newInstitutionId(),
                fixture.province, fixture.branch);
        references.apply(List.of(institution));
        AcceptanceCase certified = new CaseDriver(cases, clock).certified(institution);
        ComplaintService.Lodged lodged = complaints.lodge(institution.id(), null, "公示期间仍在发标", "138-0000-0000");
        return new Records(institution, certified, lodged.complaint().receiptNumber(), lodged.secret());
    }

    Records shared(Fixture fixture) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(fixture, this::records);
        }
    }

    @ParameterizedTest(name = "{0} by {1} on {2} → {3}")
    @MethodSource("rows")
    void auth02_row(Endpoint endpoint, TestCaller caller, Fixture fixture, int expected) throws Exception {
        Records records = endpoint == Endpoint.RESOLUTION ? records(fixture) : shared(fixture);
        String base = "/api/v1/acceptance/cases/" + records.institution().id();
        MockHttpServletRequestBuilder request = switch (endpoint) {
            case COMPLAINTS -> get(base + "/complaints");
            case RESOLUTION -> post(base + "/complaints/" + records.receipt() + "/resolution")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("If-Match", "\"" + cases.find(records.institution().id()).orElseThrow().version() + "\"")
                    .content("{\"foundTrue\":false,\"reply\":\"查无实据\"}");
            case CERTIFICATE_PDF -> get(base + "/certificate.pdf");
        };

        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();

        assertThat(response.getStatus()).as(endpoint + " by " + caller + " on " + fixture + ": "
                + (response.getContentType() != null && response.getContentType().contains("json")
                ? response.getContentAsString() : response.getContentType())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @MethodSource("publicRows")
    void auth06_row(PublicEndpoint endpoint, TestCaller caller, int expected) throws Exception {
        Records records = shared(Fixture.OWN);
        MockHttpServletRequestBuilder request = switch (endpoint) {
            case NOTICES -> get("/api/v1/public/notices");
            case FILED -> get("/api/v1/public/filed");
            case CERTIFICATE_VERIFICATION -> get("/api/v1/public/certificates/"
                    + records.certified().certificate().verificationCode());
            case COMPLAINT_STATUS -> get("/api/v1/public/complaints/" + records.receipt())
                    .header("Complaint-Secret", records.secret());
            case LODGE -> post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", PublicComplaintApiTest.newAddress())
                    .content("{\"creditCode\":\"" + records.institution().creditCode() + "\",\"text\":\"投诉\"}");
        };

        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();

        assertThat(response.getStatus()).as(endpoint + " by " + caller + ": " + response.getContentAsString())
                .isEqualTo(expected);
    }
}
