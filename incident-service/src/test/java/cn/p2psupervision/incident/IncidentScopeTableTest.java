package cn.p2psupervision.incident;

import static cn.p2psupervision.incident.IncidentApiSupport.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.incident.deadlines.DeadlineScan;
import cn.p2psupervision.incident.events.BalanceRanking;
import cn.p2psupervision.incident.events.EventService;
import cn.p2psupervision.incident.events.EventStore;
import cn.p2psupervision.incident.events.EventType;
import cn.p2psupervision.incident.events.Level;
import cn.p2psupervision.incident.events.MeasureKind;
import cn.p2psupervision.incident.events.RiskEvent;
import cn.p2psupervision.incident.signals.SignalService;
import cn.p2psupervision.incident.signals.SignalType;
import cn.p2psupervision.platform.agency.AgencyRequestService;
import cn.p2psupervision.platform.outbox.OutboxRelay;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.registryfeed.InstitutionFigures;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.registryfeed.RegistryFigures;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;
import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * AUTH-02..05, AUTH-07 and INC-09 for every endpoint of the incident context: each endpoint × caller × record (ZJ:
 * registered in Zhejiang, doing business in Guangdong; GD: the other way round; BJ: Beijing and Shanghai, foreign to
 * both) is a row, with the status it expects derived from one rule ({@link #expected}), and for the lists whether the
 * record is listed. An allowed caller gets the act's real success: every row that expects a write to succeed gets a
 * record of its own in the state the endpoint needs; every other row uses the record of its state and fixture shared
 * by the table, and a refused act must leave it unchanged. A caller who may not see the record gets exactly the
 * problem it would get for a record that does not exist (nothing leaks). The issue asks for the same table through the
 * gateway with real Keycloak tokens as a system test; this is its service-level half.
 *
 * <p>The table's records live on {@link #DAY}, before every other test's clock ({@link MutableClock#START}), so that
 * they never crowd another test's lists; at the end the deadline scan records every breach of their deadlines, so that
 * no other test's scan finds one of them due.
 *
 * <p>The watch package's rows (zombies, closures of bidding, monitoring thresholds and alerts) use institutions of
 * their own. Their alerts are raised by a refresh scan of one institution's figures, as the mocked registry answers
 * them ({@link #answerFiguresOf}): a scan replaces this context's zombies found by figures and its ranking by loan
 * balance, so the table's figures list no zombie (its zombies are listed by closures of bidding, which no scan takes
 * off) and rank nobody (the level proposals of {@code EventRulesApiTest}, which shares this context, find the
 * ranking empty as before). The watch package's own scan tests run in a context and database of their own.
 *
 * <p>To add the endpoints of another package: a constant in {@link Endpoint} naming its act (an existing one, or a new
 * {@link Act} with its line in {@link #expected}), its success, the {@link Setup} it needs (a new one built in
 * {@link #prepare}) and its {@link Listing} for a list (its case in {@link #collect} and {@link #listed}), and its
 * request in {@link #request}; a new kind of id a field of {@link Prepared}, handled in {@link Prepared#ghost} and
 * {@link Prepared#anonymised}.
 */
@IncidentApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentScopeTableTest {

    /** The table's day: a month before {@link MutableClock#START}, every deadline and due date of its records too. */
    static final String DAY = "2018-01-02";
    static final String EVENTS = "/api/v1/incidents/events";
    static final String SIGNALS = "/api/v1/incidents/signals";
    static final String AGENCY_SIGNALS = "/api/v1/incidents/agency-signals";
    static final String AGENCY_REQUESTS = "/api/v1/incidents/agency-requests";
    static final String ZOMBIES = "/api/v1/incidents/zombies";
    static final String REFRESH = ZOMBIES + "/refresh";
    static final String CLOSURES = ZOMBIES + "/bidding-closures";
    static final String THRESHOLDS = "/api/v1/incidents/monitoring-thresholds";
    static final String ALERTS = "/api/v1/incidents/alerts";
    /** The month of the table's alerts, the month before {@link #DAY}. */
    static final String ALERT_PERIOD = "2017-12";
    /** The collections a refused act must leave as they were (besides the events' and agency requests'). */
    static final String SIGNALS_STORED = "signals";
    static final String ZOMBIE_LIST = "zombies";
    static final String MONITORING_ALERTS = "monitoring_alerts";
    static final String MONITORING_THRESHOLDS = "monitoring_thresholds";
    /** What a refresh answers the caller about the row's alerted institution: in its scope, or not. */
    static final String SCAN_IN_SCOPE = "1 scanned, 1 alert (0 new)";
    static final String SCAN_OUT_OF_SCOPE = "0 scanned, 0 alert (0 new)";
    static final String ALL_OFFICES = "[\"P2P_RECTIFICATION_OFFICE\",\"INTERNET_FINANCE_RECTIFICATION_OFFICE\","
            + "\"ILLEGAL_FUNDRAISING_OFFICE\"]";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    EventService events;
    @Autowired
    EventStore eventStore;
    @Autowired
    SignalService signals;
    @Autowired
    AgencyRequestService agencyRequests;
    @Autowired
    DeadlineScan scan;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @MockitoBean
    RegistryReports reports;
    @MockitoBean
    RegistryFigures figures;

    IncidentApiSupport api;
    /** The rows' time: six hours into {@link #DAY}, past the reporting deadlines of the shared records. */
    Instant rowTime;
    final Map<Fixture, String> institutions = new EnumMap<>(Fixture.class);
    final Map<Setup, Map<Fixture, Prepared>> shared = new EnumMap<>(Setup.class);
    /** By endpoint, status and kind of caller: see {@link #absent}. */
    final Map<String, JsonNode> absentAnswers = new HashMap<>();

    // ---- the table ----------------------------------------------------------------------------------------------

    /** The three records, each with the partner agency its agency records belong to. */
    enum Fixture {
        /** Registered in Zhejiang (33), doing business in Guangdong (44); its partner records are public security's. */
        ZJ("33", "44", TestCaller.PUBLIC_SECURITY),
        /** Registered in Guangdong (44), doing business in Zhejiang (33); its partner records are telecom's. */
        GD("44", "33", TestCaller.TELECOM),
        /** Registered in Beijing (11), doing business in Shanghai (31): foreign to both provinces. */
        BJ("11", "31", TestCaller.PUBLIC_SECURITY);

        final String province;
        final String business;
        final TestCaller agency;

        Fixture(String province, String business, TestCaller agency) {
            this.province = province;
            this.business = business;
            this.agency = agency;
        }
    }

    enum Relation { REGISTERED_HERE, BUSINESS_PLACE, FOREIGN, CENTRAL, OWN_AGENCY, OTHER_AGENCY, ANONYMOUS }

    /** Written out, not computed by the rules under test. */
    static Relation relation(TestCaller caller, Fixture fixture) {
        return switch (caller) {
            case ANONYMOUS -> Relation.ANONYMOUS;
            case PUBLIC_SECURITY, TELECOM, MARKET_REGULATION, CENTRAL_BANK ->
                    caller == fixture.agency ? Relation.OWN_AGENCY : Relation.OTHER_AGENCY;
            case CENTRAL -> Relation.CENTRAL;
            case ZJ_OFFICER, ZJ_HEAD_FINANCE, ZJ_HEAD_REGULATOR -> switch (fixture) {
                case ZJ -> Relation.REGISTERED_HERE;
                case GD -> Relation.BUSINESS_PLACE;
                case BJ -> Relation.FOREIGN;
            };
            case GD_OFFICER, GD_HEAD_FINANCE, GD_HEAD_REGULATOR -> switch (fixture) {
                case ZJ -> Relation.BUSINESS_PLACE;
                case GD -> Relation.REGISTERED_HERE;
                case BJ -> Relation.FOREIGN;
            };
            case INTERNAL -> throw new IllegalArgumentException("not in the table");
        };
    }

    static final Set<TestCaller> HEADS = EnumSet.of(TestCaller.ZJ_HEAD_FINANCE, TestCaller.ZJ_HEAD_REGULATOR,
            TestCaller.GD_HEAD_FINANCE, TestCaller.GD_HEAD_REGULATOR);

    /** What an endpoint needs of the caller. */
    enum Act {
        /** One record, for those who may read it (AUTH-02). */
        READ(false),
        /** A list, for every regulator, of the records it may read. */
        LIST(false),
        /** The registration province's officers and heads (AUTH-02, INC-09). */
        WRITE(false),
        /** The registration province's heads only (AUTH-04: the emergency plan). */
        HEAD(false),
        /** The business-place provinces only (INC-09: support notes). */
        SUPPORT(false),
        /** Any province that may read the institution; not central (INC-01: signals). */
        PROVINCE(false),
        /** Central only, on a record it reads (INC-06: the follow-up interval). */
        CENTRAL(false),
        /** Central only, naming no record it could reveal (AUTH-07: the read audit; AUTH-03: the thresholds). */
        CENTRAL_ONLY(false),
        /** Every regulator, whatever the record: central data naming none (INC-11: the monitoring thresholds). */
        REGULATORS(false),
        /** The agencies' door: any partner agency posts (AUTH-05). */
        AGENCY_POST(true),
        /** The agencies' door: the agency the record belongs to; another agency never learns it exists (AUTH-05). */
        AGENCY_OWN(true),
        /** The agencies' door: a list, for every agency, of its own records (AUTH-05). */
        AGENCY_LIST(true);

        /** On the agencies' door ({@code platform.security.partner-paths}) rather than the regulators'. */
        final boolean partnerDoor;

        Act(boolean partnerDoor) {
            this.partnerDoor = partnerDoor;
        }
    }

    /** What must exist before the call; each row that expects a write to succeed gets one of its own. */
    enum Setup {
        /** The institution only. */
        INSTITUTION,
        /** An event just recorded (and read once, for the read audit). */
        OPEN,
        /** An event and a signal of its institution not linked yet. */
        SIGNAL_TO_LINK,
        /** An especially major event without its watcher. */
        ESPECIALLY_MAJOR,
        /** A major event. */
        MAJOR,
        /** A major event whose emergency plan a head started. */
        PLAN_RUNNING,
        /** An event with a containment measure in progress. */
        MEASURE_TAKEN,
        /** An especially major event without its watcher whose reports are overdue, the breaches recorded. */
        OVERDUE,
        /** A signal recorded by the registration province. */
        SIGNAL,
        /** A signal posted by the fixture's agency. */
        AGENCY_SIGNAL,
        /** A major event with a disposal measure whose request reached the fixture's agency, unanswered. */
        AGENCY_REQUEST,
        /** An institution of its own (the fixture's provinces), not on the zombie list. */
        UNLISTED,
        /** An institution of its own, on the zombie list by a closure of bidding its registration province recorded. */
        BIDDING_CLOSED,
        /** An open monitoring alert of an institution of its own, raised by a scan of its figures alone. */
        ALERT
    }

    /** Where a list shows the record. */
    enum Listing { NONE, EVENTS, SIGNALS, BOARD, BREACHES, READS, REQUESTS, ZOMBIES, ALERTS, SCAN }

    enum Endpoint {
        EVENT_RECORD(Act.WRITE, 201, Setup.INSTITUTION, true),
        EVENTS_LIST(Act.LIST, 200, Setup.OPEN, Listing.EVENTS),
        EVENT_GET(Act.READ, 200, Setup.OPEN),
        LEVEL_PROPOSAL(Act.READ, 200, Setup.OPEN),
        LEVEL(Act.WRITE, 200, Setup.OPEN, true),
        WATCHER(Act.WRITE, 200, Setup.ESPECIALLY_MAJOR, true),
        PLAN_START(Act.HEAD, 200, Setup.MAJOR, true),
        PLAN_END(Act.HEAD, 200, Setup.PLAN_RUNNING, true),
        NOTIFICATION(Act.WRITE, 200, Setup.OPEN, true),
        REPORT(Act.WRITE, 201, Setup.OPEN, true),
        FOLLOW_UP_INTERVAL(Act.CENTRAL, 200, Setup.OPEN, true),
        MEASURE_TAKE(Act.WRITE, 201, Setup.OPEN, true),
        MEASURE_UPDATE(Act.WRITE, 200, Setup.MEASURE_TAKEN, true),
        SUPPORT_NOTE(Act.SUPPORT, 201, Setup.OPEN, true),
        SIGNAL_LINK(Act.WRITE, 200, Setup.SIGNAL_TO_LINK, true),
        INSTITUTION_STATUS(Act.WRITE, 200, Setup.OPEN, true),
        CLOSURE(Act.WRITE, 200, Setup.OPEN, true),
        TIMELINE(Act.READ, 200, Setup.OPEN),
        TIMELINE_PDF(Act.READ, 200, Setup.OPEN),
        SIGNAL_RECORD(Act.PROVINCE, 201, Setup.INSTITUTION, true),
        SIGNALS_LIST(Act.LIST, 200, Setup.SIGNAL, Listing.SIGNALS),
        SIGNAL_GET(Act.READ, 200, Setup.SIGNAL),
        AGENCY_SIGNAL_POST(Act.AGENCY_POST, 201, Setup.INSTITUTION, true),
        AGENCY_SIGNALS_LIST(Act.AGENCY_LIST, 200, Setup.AGENCY_SIGNAL, Listing.SIGNALS),
        AGENCY_SIGNAL_GET(Act.AGENCY_OWN, 200, Setup.AGENCY_SIGNAL),
        BOARD(Act.LIST, 200, Setup.OVERDUE, Listing.BOARD),
        BREACHES(Act.LIST, 200, Setup.OVERDUE, Listing.BREACHES),
        READ_AUDIT(Act.CENTRAL_ONLY, 200, Setup.OPEN, Listing.READS),
        AGENCY_REQUESTS_LIST(Act.AGENCY_LIST, 200, Setup.AGENCY_REQUEST, Listing.REQUESTS),
        AGENCY_REQUEST_GET(Act.AGENCY_OWN, 200, Setup.AGENCY_REQUEST),
        AGENCY_REQUEST_ACKNOWLEDGEMENT(Act.AGENCY_OWN, 200, Setup.AGENCY_REQUEST, true),
        AGENCY_REQUEST_ANSWER(Act.AGENCY_OWN, 200, Setup.AGENCY_REQUEST, true),
        INSTITUTION_AGENCY_REQUESTS(Act.READ, 200, Setup.AGENCY_REQUEST, Listing.REQUESTS),
        /** Asked when the fixture's request is overdue (a month on). */
        OVERDUE_AGENCY_REQUESTS(Act.LIST, 200, Setup.AGENCY_REQUEST, Listing.REQUESTS),
        ZOMBIES_LIST(Act.LIST, 200, Setup.BIDDING_CLOSED, Listing.ZOMBIES),
        ZOMBIE_GET(Act.READ, 200, Setup.BIDDING_CLOSED),
        /**
         * A scan of the figures the registry answers for the fixture's alerted institution alone: "listed" when the
         * counts answered include it (scanned, its alert found again), as the counts are the caller's scope's.
         */
        ZOMBIES_REFRESH(Act.LIST, 200, Setup.ALERT, Listing.SCAN),
        BIDDING_CLOSURE_RECORD(Act.WRITE, 201, Setup.UNLISTED, true),
        BIDDING_CLOSURE_GET(Act.READ, 200, Setup.BIDDING_CLOSED),
        BIDDING_CLOSURE_WITHDRAWAL(Act.WRITE, 204, Setup.BIDDING_CLOSED, true),
        THRESHOLDS_GET(Act.REGULATORS, 200, Setup.INSTITUTION),
        THRESHOLDS_HISTORY(Act.REGULATORS, 200, Setup.INSTITUTION),
        /** Sets the values in force again (a new version): every scan of the table raises the same alerts. */
        THRESHOLDS_CHANGE(Act.CENTRAL_ONLY, 200, Setup.INSTITUTION, true),
        ALERTS_LIST(Act.LIST, 200, Setup.ALERT, Listing.ALERTS),
        ALERT_GET(Act.READ, 200, Setup.ALERT),
        ALERT_DISMISSAL(Act.WRITE, 200, Setup.ALERT, true),
        ALERT_SIGNAL(Act.WRITE, 201, Setup.ALERT, true);

        final Act act;
        final int success;
        final Setup setup;
        /** Whether a success changes a record (so that the row needs one of its own). */
        final boolean changes;
        final Listing listing;

        Endpoint(Act act, int success, Setup setup) {
            this(act, success, setup, false, Listing.NONE);
        }

        Endpoint(Act act, int success, Setup setup, boolean changes) {
            this(act, success, setup, changes, Listing.NONE);
        }

        Endpoint(Act act, int success, Setup setup, Listing listing) {
            this(act, success, setup, false, listing);
        }

        Endpoint(Act act, int success, Setup setup, boolean changes, Listing listing) {
            this.act = act;
            this.success = success;
            this.setup = setup;
            this.changes = changes;
            this.listing = listing;
        }
    }

    /** A status, and for a list answered whether the row's record is on it. */
    record Expected(int status, Boolean listed) {

        boolean success() {
            return status < 400;
        }

        @Override
        public String toString() {
            return status + (listed == null ? "" : listed ? ", listed" : ", not listed");
        }
    }

    record Row(Endpoint endpoint, TestCaller caller, Fixture fixture, Expected expected) {

        @Override
        public String toString() {
            return endpoint + " × " + name(caller) + " × " + fixture + " → " + expected;
        }
    }

    /**
     * Anonymous 401. On the regulators' paths: an agency 403 whatever the record (role before scope, AUTH-05); a
     * province foreign to the record 404 for every act on it (existence is not revealed, AUTH-02), and its lists leave
     * the record out; central reads everything and of the acts sets only the follow-up interval (AUTH-03), and alone
     * reads the read audit (AUTH-07) and sets the monitoring thresholds (AUTH-03, INC-11), which every regulator reads
     * whatever the record; the registration province reads and writes, only its heads start and end the plan
     * (AUTH-04); a business-place province reads and adds support notes, and is refused every other act (403,
     * INC-09); both provinces record signals about the institution, central does not (INC-01). On the agencies' door:
     * a regulator 403; an agency posts, lists its own records, and reads and answers only its own (another agency's:
     * 404).
     */
    static Expected expected(Endpoint endpoint, TestCaller caller, Fixture fixture) {
        Relation relation = relation(caller, fixture);
        Act act = endpoint.act;
        if (relation == Relation.ANONYMOUS) {
            return refused(401);
        }
        if (act.partnerDoor) {
            return switch (relation) {
                case OWN_AGENCY -> success(endpoint, true);
                case OTHER_AGENCY -> act == Act.AGENCY_OWN ? refused(404) : success(endpoint, false);
                default -> refused(403);
            };
        }
        return switch (relation) {
            case OWN_AGENCY, OTHER_AGENCY -> refused(403);
            case FOREIGN -> switch (act) {
                case LIST -> success(endpoint, false);
                case CENTRAL_ONLY -> refused(403);
                case REGULATORS -> success(endpoint, false);
                default -> refused(404);
            };
            case CENTRAL -> switch (act) {
                case READ, LIST, CENTRAL, CENTRAL_ONLY, REGULATORS -> success(endpoint, true);
                default -> refused(403);
            };
            case REGISTERED_HERE -> switch (act) {
                case READ, LIST, WRITE, PROVINCE, REGULATORS -> success(endpoint, true);
                case HEAD -> HEADS.contains(caller) ? success(endpoint, true) : refused(403);
                default -> refused(403);
            };
            case BUSINESS_PLACE -> switch (act) {
                case READ, LIST, SUPPORT, PROVINCE, REGULATORS -> success(endpoint, true);
                default -> refused(403);
            };
            case ANONYMOUS -> throw new IllegalStateException("answered above");
        };
    }

    /** Whether the caller may know the record exists: then a refusal may say why, otherwise it reveals nothing. */
    static boolean seesRecord(Endpoint endpoint, Relation relation) {
        return endpoint.act.partnerDoor ? relation == Relation.OWN_AGENCY
                : EnumSet.of(Relation.REGISTERED_HERE, Relation.BUSINESS_PLACE, Relation.CENTRAL).contains(relation);
    }

    private static Expected success(Endpoint endpoint, boolean listed) {
        return new Expected(endpoint.success, endpoint.listing == Listing.NONE ? null : listed);
    }

    private static Expected refused(int status) {
        return new Expected(status, null);
    }

    static Stream<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (TestCaller caller : TestCaller.values()) {
                if (caller == TestCaller.INTERNAL) {
                    continue;
                }
                for (Fixture fixture : Fixture.values()) {
                    rows.add(new Row(endpoint, caller, fixture, expected(endpoint, caller, fixture)));
                }
            }
        }
        return rows.stream();
    }

    // ---- the records --------------------------------------------------------------------------------------------

    @BeforeAll
    void sharedRecords() throws Exception {
        api = new IncidentApiSupport(mvc, json);
        clock.setDay(DAY);
        registryFigures();
        for (Fixture fixture : Fixture.values()) {
            String id = IncidentApiSupport.newInstitutionId();
            references.apply(List.of(IncidentApiSupport.institution(id, fixture.province, fixture.business)));
            institutions.put(fixture, id);
        }
        for (Setup setup : Setup.values()) {
            Map<Fixture, Prepared> bySetup = new EnumMap<>(Fixture.class);
            for (Fixture fixture : Fixture.values()) {
                bySetup.put(fixture, prepare(setup, fixture));
            }
            shared.put(setup, bySetup);
        }
        rowTime = clock.instant().plus(Duration.ofHours(6));
        clock.set(rowTime);
        assertThat(scan.scan()).as("the breaches of the overdue records").isPositive();
    }

    @BeforeEach
    void atTheRowsTime() {
        api = new IncidentApiSupport(mvc, json);
        clock.set(rowTime);
        registryFigures();
    }

    /**
     * No deadline of the table's records is left for another test's scan; the clock back where the others start; the
     * default thresholds of off-site monitoring in force again (the table's changes left them at the same values, in
     * later versions).
     */
    @AfterAll
    void everyDeadlineOfTheTableRecorded() {
        clock.set(rowTime.plus(Duration.ofDays(40)));
        scan.scan();
        clock.setDay(MutableClock.START);
        mongo.remove(new Query(), MONITORING_THRESHOLDS);
    }

    private void registryFigures() {
        when(reports.series(anyString())).thenReturn(List.of(month("2018-01", "600000000.00", 20_000)));
    }

    /** The records of one row; absent ones null. */
    record Prepared(String institutionId, String eventId, String signalId, String measureId, String requestId,
                    String alertId) {

        Prepared(String institutionId, String eventId, String signalId, String measureId, String requestId) {
            this(institutionId, eventId, signalId, measureId, requestId, null);
        }

        /** The same request for records that do not exist. */
        Prepared ghost() {
            String event = eventId == null ? null : "EV-20180102-NOSUCHEV";
            String institution = "inst-no-such";
            return new Prepared(institution, event, signalId == null ? null : "SG-20180102-NOSUCHSG",
                    measureId == null ? null : event + "-M1", requestId == null ? null : "INC-REFERRAL-NO-SUCH",
                    alertId == null ? null : alertId.replace(institutionId, institution));
        }

        /** The body with the ids of these records replaced by their names. */
        String anonymised(String body) {
            // longest first: a request's id holds its measure's, a measure's its event's, an alert's its institution's
            String named = body;
            named = alertId == null ? named : named.replace(alertId, "{alert}");
            named = requestId == null ? named : named.replace(requestId, "{request}");
            named = measureId == null ? named : named.replace(measureId, "{measure}");
            named = eventId == null ? named : named.replace(eventId, "{event}");
            named = signalId == null ? named : named.replace(signalId, "{signal}");
            return named.replace(institutionId, "{institution}");
        }
    }

    /** A record in the state {@code setup}, made below the HTTP layer by the registration province (or the agency). */
    private Prepared prepare(Setup setup, Fixture fixture) throws Exception {
        String institution = institutions.get(fixture);
        Caller officer = officerOf(fixture);
        switch (setup) {
            case INSTITUTION -> {
                return new Prepared(institution, null, null, null, null);
            }
            case SIGNAL -> {
                return new Prepared(institution, null, signals.record(officer, signal(institution)).id(), null, null);
            }
            case AGENCY_SIGNAL -> {
                return new Prepared(institution, null, signals.post(fixture.agency.caller(), signal(institution)).id(),
                        null, null);
            }
            case UNLISTED -> {
                return new Prepared(newInstitution(fixture), null, null, null, null);
            }
            case BIDDING_CLOSED -> {
                String closed = newInstitution(fixture);
                api.send(json(post(CLOSURES)).content(closureBody(closed)).with(officerAuth(fixture)), 201);
                return new Prepared(closed, null, null, null, null);
            }
            case ALERT -> {
                String alerted = newInstitution(fixture);
                answerFiguresOf(alerted);
                JsonNode scan = api.send(post(REFRESH), TestCaller.CENTRAL, 200);
                assertThat(scan.get("newAlerts").asLong()).as("the alert raised").isEqualTo(1);
                assertThat(mongo.count(new Query(), BalanceRanking.COLLECTION)).as("nobody ranked").isZero();
                return new Prepared(alerted, null, null, null, null, alerted + ":" + ALERT_PERIOD + ":OVERDUE_RATE");
            }
            default -> {
                // an event, below
            }
        }
        RiskEvent event = events.record(officer, new EventService.Draft(institution, List.of(),
                EventType.OVERDUE_PAYMENT, "平台逾期兑付，出借人聚集", "自本月起暂停提现", null, List.of()));
        String id = event.id();
        String signalId = null;
        String measureId = null;
        String requestId = null;
        switch (setup) {
            case OPEN -> events.read(officer, id);
            case SIGNAL_TO_LINK -> signalId = signals.record(officer, signal(institution)).id();
            case ESPECIALLY_MAJOR, OVERDUE -> level(officer, event, Level.ESPECIALLY_MAJOR);
            case MAJOR -> level(officer, event, Level.MAJOR);
            case PLAN_RUNNING -> {
                RiskEvent major = level(officer, event, Level.MAJOR);
                events.startPlan(headOf(fixture), id, major.version(), "启动应急预案");
            }
            case MEASURE_TAKEN -> measureId = events.takeMeasure(officer, id, event.version(),
                    MeasureKind.UNIFIED_MESSAGING, "统一对外口径", null).measures().get(0).id();
            case AGENCY_REQUEST -> {
                RiskEvent major = level(officer, event, Level.MAJOR);
                MeasureKind kind = fixture.agency == TestCaller.PUBLIC_SECURITY
                        ? MeasureKind.REFERRAL_TO_PUBLIC_SECURITY : MeasureKind.APP_AND_LICENCE_SHUTDOWN;
                RiskEvent.Measure measure = events.takeMeasure(officer, id, major.version(), kind, "依法处置", null)
                        .measures().get(0);
                measureId = measure.id();
                requestId = measure.agencyRequestIds().get(0);
                relay.relayDue();
                assertThat(agencyRequests.find(requestId)).as("the request delivered").isPresent();
            }
            default -> throw new IllegalArgumentException(setup.name());
        }
        return new Prepared(institution, id, signalId, measureId, requestId);
    }

    /** A fresh institution registered and doing business where the fixture's is. */
    private String newInstitution(Fixture fixture) {
        String id = IncidentApiSupport.newInstitutionId();
        references.apply(List.of(IncidentApiSupport.institution(id, fixture.province, fixture.business)));
        return id;
    }

    /**
     * Makes the (mocked) registry answer the figures of {@code institutionId} alone, in the batch that asks for it: its latest month's
     * overdue rate above the default maximum (10 %), an alert of {@link #ALERT_PERIOD}; no loan balance, so that the
     * scan ranks nobody (the ranking by loan balance the level proposals of this context's other tests read stays
     * empty) and lists no zombie (a figure not reported breaks the run of zeros).
     */
    private void answerFiguresOf(String institutionId) {
        List<InstitutionFigures> alone = List.of(new InstitutionFigures(institutionId, List.of(new MonthFigures(
                ALERT_PERIOD, null, 200, 100, new BigDecimal("100000.00"), new BigDecimal("12.00")))));
        doAnswer(call -> call.<Collection<String>>getArgument(0).contains(institutionId) ? alone : List.of())
                .when(figures).of(any());
    }

    private RiskEvent level(Caller officer, RiskEvent event, Level level) {
        return events.setLevel(officer, event.id(), event.version(), level, "依据排查数据确定");
    }

    private SignalService.Draft signal(String institutionId) {
        return new SignalService.Draft(SignalType.OVERDUE_OR_RUN, List.of(institutionId), "媒体报道",
                clock.instant().minus(Duration.ofMinutes(30)).toString(), "平台限制提现，出借人在公司聚集");
    }

    /** An officer of the fixture's registration province (Beijing has no user among the test callers). */
    private static Caller officerOf(Fixture fixture) {
        return switch (fixture) {
            case ZJ -> TestCaller.ZJ_OFFICER.caller();
            case GD -> TestCaller.GD_OFFICER.caller();
            case BJ -> new Caller("id-officer-11", "officer-11", Set.of(PlatformRole.PROVINCIAL_OFFICER), "11",
                    "FINANCIAL_OFFICE");
        };
    }

    /** An officer of the fixture's registration province, as a token for the HTTP layer. */
    private static RequestPostProcessor officerAuth(Fixture fixture) {
        if (fixture != Fixture.BJ) {
            return (fixture == Fixture.ZJ ? TestCaller.ZJ_OFFICER : TestCaller.GD_OFFICER).auth();
        }
        return TestCaller.officerOf("11");
    }

    private static Caller headOf(Fixture fixture) {
        return switch (fixture) {
            case ZJ -> TestCaller.ZJ_HEAD_FINANCE.caller();
            case GD -> TestCaller.GD_HEAD_FINANCE.caller();
            case BJ -> new Caller("id-head-11", "head-11", Set.of(PlatformRole.PROVINCIAL_HEAD,
                    PlatformRole.PROVINCIAL_OFFICER), "11", "FINANCIAL_OFFICE");
        };
    }

    // ---- the rows -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void auth02to05_theScopeTable(Row row) throws Exception {
        try {
            check(row);
        } catch (AssertionError failed) {
            throw new AssertionError(row + ": " + failed.getMessage(), failed);
        }
    }

    private void check(Row row) throws Exception {
        Endpoint endpoint = row.endpoint();
        Expected expected = row.expected();
        boolean own = endpoint.changes && expected.success() && endpoint.setup != Setup.INSTITUTION;
        Prepared prepared = own ? prepare(endpoint.setup, row.fixture()) : shared.get(endpoint.setup)
                .get(row.fixture());
        boolean mayChange = endpoint.changes && !expected.success();
        List<Object> before = mayChange ? state(prepared) : null;
        if (endpoint == Endpoint.OVERDUE_AGENCY_REQUESTS) {
            clock.set(rowTime.plus(Duration.ofDays(31)));
        }
        if (endpoint == Endpoint.ZOMBIES_REFRESH) {
            answerFiguresOf(prepared.institutionId());
        }

        JsonNode answer = send(endpoint, prepared, row.caller(), expected.status());

        if (expected.listed() != null) {
            assertThat(listed(endpoint, prepared, row.caller(), answer)).as("listed").isEqualTo(expected.listed());
        }
        if (!expected.success()) {
            if (mayChange) {
                assertThat(state(prepared)).as("a refused act changes nothing").isEqualTo(before);
            }
            if (!seesRecord(endpoint, relation(row.caller(), row.fixture()))) {
                assertThat(comparable(prepared.anonymised(answer.toString())))
                        .as("the same problem as for a record that does not exist")
                        .isEqualTo(absent(endpoint, prepared, row.caller(), expected.status()));
            }
        }
    }

    /**
     * The problem the caller gets for the same request about records that do not exist, its ids named. The request is
     * the same whatever the fixture, and a problem that reveals nothing of a record says nothing of its caller either
     * beyond the kind of caller, so it is asked once per endpoint, status and kind of caller.
     */
    private JsonNode absent(Endpoint endpoint, Prepared prepared, TestCaller caller, int status) throws Exception {
        String key = endpoint + " " + status + " " + kindOf(caller);
        JsonNode known = absentAnswers.get(key);
        if (known == null) {
            Prepared ghost = prepared.ghost();
            known = comparable(ghost.anonymised(send(endpoint, ghost, caller, status).toString()));
            absentAnswers.put(key, known);
        }
        return known;
    }

    private static String kindOf(TestCaller caller) {
        return caller == TestCaller.ANONYMOUS ? "anonymous" : caller.isAgency() ? "agency"
                : caller == TestCaller.CENTRAL ? "central" : "province";
    }

    /**
     * The version of the row's event, the state of its agency request, the signals about its institution (an alert
     * refused as a signal records none), its institution's entry on the zombie list (with its closure of bidding), its
     * alert, and the thresholds' versions.
     */
    private List<Object> state(Prepared prepared) {
        List<Object> state = new ArrayList<>();
        state.add(prepared.eventId() == null ? Optional.empty()
                : eventStore.find(prepared.eventId()).map(RiskEvent::version));
        state.add(prepared.requestId() == null ? Optional.empty() : agencyRequests.find(prepared.requestId()));
        state.add(mongo.count(Query.query(Criteria.where("institutionIds").is(prepared.institutionId())),
                SIGNALS_STORED));
        state.add(Optional.ofNullable(mongo.findById(prepared.institutionId(), Document.class, ZOMBIE_LIST)));
        state.add(prepared.alertId() == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(prepared.alertId(), Document.class, MONITORING_ALERTS)));
        state.add(mongo.findAll(Document.class, MONITORING_THRESHOLDS));
        return state;
    }

    private JsonNode comparable(String problem) {
        ObjectNode node = (ObjectNode) json.readTree(problem);
        node.remove("requestId");
        return node;
    }

    /** Sends as the caller and checks the status; a problem for a refusal, the PDF for the export. */
    private JsonNode send(Endpoint endpoint, Prepared prepared, TestCaller caller, int status) throws Exception {
        MockHttpServletRequestBuilder request = request(endpoint, prepared);
        if (endpoint == Endpoint.TIMELINE_PDF && status < 400) {
            MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
            assertThat(response.getContentAsByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
            return json.nullNode();
        }
        JsonNode answer = api.send(request, caller, status);
        if (status >= 400) {
            assertThat(Problems.namesJavaCode(answer.toString())).as(answer.toString()).isFalse();
        }
        return answer;
    }

    /** Whether the list (every page of it) shows the row's record. */
    private boolean listed(Endpoint endpoint, Prepared prepared, TestCaller caller, JsonNode first) throws Exception {
        List<String> ids = new ArrayList<>();
        collect(endpoint.listing, first, ids);
        if (first.has("totalElements")) {
            long total = first.get("totalElements").asLong();
            int size = first.get("size").asInt();
            for (int page = 1; (long) page * size < total; page++) {
                collect(endpoint.listing, api.send(request(endpoint, prepared).param("page", String.valueOf(page)),
                        caller, 200), ids);
            }
        }
        String wanted = switch (endpoint.listing) {
            case EVENTS, BOARD, BREACHES, READS -> prepared.eventId();
            case SIGNALS -> prepared.signalId();
            case REQUESTS -> prepared.requestId();
            case ZOMBIES -> prepared.institutionId();
            case ALERTS -> prepared.alertId();
            case SCAN -> SCAN_IN_SCOPE;
            case NONE -> throw new IllegalArgumentException(endpoint.name());
        };
        return ids.contains(wanted);
    }

    private static void collect(Listing listing, JsonNode body, List<String> ids) {
        switch (listing) {
            case EVENTS, SIGNALS -> body.get("content").forEach(line -> ids.add(line.get("id").asString()));
            case READS -> body.get("content").forEach(read -> read.get("eventIds")
                    .forEach(id -> ids.add(id.asString())));
            case BOARD -> {
                body.get("watcherMissing").forEach(id -> ids.add(id.asString()));
                body.get("overdue").forEach(line -> ids.add(line.get("eventId").asString()));
            }
            case BREACHES -> body.forEach(line -> ids.add(line.get("eventId").asString()));
            case REQUESTS -> body.forEach(request -> ids.add(request.get("id").asString()));
            case ZOMBIES -> body.get("content").forEach(zombie -> ids.add(zombie.get("institutionId").asString()));
            case ALERTS -> body.get("content").forEach(alert -> ids.add(alert.get("id").asString()));
            case SCAN -> {
                // the registry answered the row's institution alone: the counts are all of it or none of it
                String counts = body.get("institutionsScanned").asLong() + " scanned, " + body.get("alerts").asLong()
                        + " alert (" + body.get("newAlerts").asLong() + " new)";
                assertThat(counts).as("the counts of the scan").isIn(SCAN_IN_SCOPE, SCAN_OUT_OF_SCOPE);
                ids.add(counts);
            }
            case NONE -> throw new IllegalArgumentException("not a list");
        }
    }

    private MockHttpServletRequestBuilder request(Endpoint endpoint, Prepared prepared) throws Exception {
        String event = EVENTS + "/" + prepared.eventId();
        String request = AGENCY_REQUESTS + "/" + prepared.requestId();
        return switch (endpoint) {
            case EVENT_RECORD -> json(post(EVENTS)).content("{\"institutionId\":\"" + prepared.institutionId()
                    + "\",\"type\":\"OVERDUE_PAYMENT\",\"title\":\"平台逾期兑付，出借人聚集\"}");
            case EVENTS_LIST -> get(EVENTS).param("size", "200");
            case EVENT_GET -> get(event);
            case LEVEL_PROPOSAL -> get(event + "/level-proposal");
            case LEVEL -> json(put(event + "/level")).header("If-Match", ifMatch(prepared))
                    .content("{\"level\":\"MAJOR\",\"reason\":\"依据排查数据确定\"}");
            case WATCHER -> json(put(event + "/watcher")).header("If-Match", ifMatch(prepared))
                    .content("{\"name\":\"张三\",\"position\":\"金融办风险处副处长\",\"contact\":\"0571-00000000\"}");
            case PLAN_START -> json(post(event + "/plan/start")).header("If-Match", ifMatch(prepared))
                    .content("{\"reason\":\"启动应急预案\"}");
            case PLAN_END -> json(post(event + "/plan/end")).header("If-Match", ifMatch(prepared))
                    .content("{\"reason\":\"兑付方案落实，风险缓释\"}");
            case NOTIFICATION -> json(post(event + "/notification")).header("If-Match", ifMatch(prepared))
                    .content("{\"recipients\":" + ALL_OFFICES + "}");
            case REPORT -> json(post(event + "/reports")).header("If-Match", ifMatch(prepared))
                    .content("{\"kind\":\"WRITTEN\",\"text\":\"书面详细报告\"}");
            case FOLLOW_UP_INTERVAL -> json(put(event + "/follow-up-interval")).header("If-Match", ifMatch(prepared))
                    .content("{\"hours\":6,\"reason\":\"事态升级，每6小时续报\"}");
            case MEASURE_TAKE -> json(post(event + "/measures")).header("If-Match", ifMatch(prepared))
                    .content("{\"kind\":\"UNIFIED_MESSAGING\",\"description\":\"统一对外口径\"}");
            case MEASURE_UPDATE -> json(put(event + "/measures/" + prepared.measureId()))
                    .header("If-Match", ifMatch(prepared))
                    .content("{\"status\":\"DONE\",\"note\":\"口径已统一\"}");
            case SUPPORT_NOTE -> json(post(event + "/support-notes")).header("If-Match", ifMatch(prepared))
                    .content("{\"text\":\"分支机构已派员驻守，维稳力量到位\"}");
            case SIGNAL_LINK -> json(post(event + "/signals")).header("If-Match", ifMatch(prepared))
                    .content("{\"signalIds\":[\"" + prepared.signalId() + "\"]}");
            case INSTITUTION_STATUS -> json(post(event + "/institution-status")).header("If-Match", ifMatch(prepared))
                    .content("{\"status\":\"LOST_CONTACT\",\"reason\":\"实际控制人失联\"}");
            case CLOSURE -> json(post(event + "/closure")).header("If-Match", ifMatch(prepared))
                    .content("{\"reason\":\"处置完毕\"}");
            case TIMELINE -> get(event + "/timeline");
            case TIMELINE_PDF -> get(event + "/timeline.pdf");
            case SIGNAL_RECORD -> json(post(SIGNALS)).content(signalBody(prepared.institutionId()));
            case SIGNALS_LIST -> get(SIGNALS).param("size", "200");
            case SIGNAL_GET -> get(SIGNALS + "/" + prepared.signalId());
            case AGENCY_SIGNAL_POST -> json(post(AGENCY_SIGNALS)).content(signalBody(prepared.institutionId()));
            case AGENCY_SIGNALS_LIST -> get(AGENCY_SIGNALS).param("size", "200");
            case AGENCY_SIGNAL_GET -> get(AGENCY_SIGNALS + "/" + prepared.signalId());
            case BOARD -> get("/api/v1/incidents/board");
            case BREACHES -> get("/api/v1/incidents/breaches");
            case READ_AUDIT -> get("/api/v1/incidents/read-audit").param("eventId", prepared.eventId())
                    .param("size", "500");
            case AGENCY_REQUESTS_LIST -> get(AGENCY_REQUESTS);
            case AGENCY_REQUEST_GET -> get(request);
            case AGENCY_REQUEST_ACKNOWLEDGEMENT -> json(post(request + "/acknowledgement"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .content("{\"receiptNumber\":\"受理〔2018〕001号\"}");
            case AGENCY_REQUEST_ANSWER -> json(post(request + "/answers"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .content("{\"text\":\"已立案侦查\",\"reference\":\"经立字〔2018〕001号\"}");
            case INSTITUTION_AGENCY_REQUESTS -> get("/api/v1/incidents/institutions/" + prepared.institutionId()
                    + "/agency-requests");
            case OVERDUE_AGENCY_REQUESTS -> get("/api/v1/incidents/overdue-agency-requests");
            case ZOMBIES_LIST -> get(ZOMBIES).param("size", "200");
            case ZOMBIE_GET -> get(ZOMBIES + "/" + prepared.institutionId());
            case ZOMBIES_REFRESH -> post(REFRESH);
            case BIDDING_CLOSURE_RECORD -> json(post(CLOSURES)).content(closureBody(prepared.institutionId()));
            case BIDDING_CLOSURE_GET -> get(CLOSURES + "/" + prepared.institutionId());
            case BIDDING_CLOSURE_WITHDRAWAL -> json(post(CLOSURES + "/" + prepared.institutionId() + "/withdrawal"))
                    .content("{\"reason\":\"投标功能已恢复，核查属实\"}");
            case THRESHOLDS_GET -> get(THRESHOLDS);
            case THRESHOLDS_HISTORY -> get(THRESHOLDS + "/history");
            case THRESHOLDS_CHANGE -> json(put(THRESHOLDS)).header("If-Match", thresholdsVersion())
                    .content("{\"overdueRateMax\":\"10.00\",\"balanceFallMaxPercent\":\"30.00\","
                            + "\"lendersFallMaxPercent\":\"30.00\",\"reason\":\"整治办通知：维持非现场监测阈值\"}");
            case ALERTS_LIST -> get(ALERTS).param("size", "200");
            case ALERT_GET -> get(ALERTS + "/" + prepared.alertId());
            case ALERT_DISMISSAL -> json(post(ALERTS + "/" + prepared.alertId() + "/dismissal"))
                    .content("{\"reason\":\"核实为存量业务正常回收\"}");
            case ALERT_SIGNAL -> json(post(ALERTS + "/" + prepared.alertId() + "/signal"))
                    .content("{\"type\":\"OVERDUE_OR_RUN\",\"note\":\"电话核实：已暂停新增业务\"}");
        };
    }

    /** The event's current version, as the shared records are changed by nobody but the scan before the rows. */
    private String ifMatch(Prepared prepared) {
        return "\"" + eventStore.find(prepared.eventId()).map(RiskEvent::version).orElse(1L) + "\"";
    }

    /** The thresholds' version in force, as central reads it (the table's only change sets the same values again). */
    private String thresholdsVersion() throws Exception {
        return "\"" + api.send(get(THRESHOLDS), TestCaller.CENTRAL, 200).get("version").asLong() + "\"";
    }

    private static String closureBody(String institutionId) {
        return "{\"institutionId\":\"" + institutionId + "\",\"observedOn\":\"" + DAY + "\","
                + "\"evidence\":\"官网投标入口已关闭，截图存档\"}";
    }

    private String signalBody(String institutionId) {
        return "{\"type\":\"LENDER_PROTEST\",\"institutionIds\":[\"" + institutionId + "\"],\"source\":\"现场报告\","
                + "\"observedAt\":\"" + clock.instant().minus(Duration.ofMinutes(30)) + "\","
                + "\"description\":\"出借人在公司聚集\"}";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON);
    }

    private static String name(TestCaller caller) {
        return caller.toString().replace("service-account-", "");
    }
}
