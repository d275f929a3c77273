package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The incident context's scope (AUTH-02..05, INC-09) replayed through the gateway with real Keycloak tokens: every
 * incident endpoint × central, the officers and both heads of Zhejiang and Guangdong, each agency's client and
 * anonymous × a record registered in Zhejiang with a Guangdong branch (ZJ), one registered in Guangdong with a Zhejiang
 * branch (GD) and one registered in Beijing with a Shanghai branch (BJ). ZJ and GD each have an event recorded by
 * their officer, at level MAJOR, with a referral to public security; every record has a signal public security posted
 * about it. Writes are sent with a stale {@code If-Match "0"} so that they change nothing: 412 for the callers allowed
 * to make them (the scope and role checks come first), 403/404/401 for the others; the lists hold exactly the caller's
 * scope.
 *
 * <p>The platform is shared with the other system tests: nothing here assumes a list is empty, and every list is
 * filtered by this class's own institutions.
 */
@ExtendWith(PlatformUnderTest.class)
class IncidentScopeSystemIT {

    private static final String REGISTRY = PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions";
    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/incidents";
    private static final List<String> CALLERS = List.of("central", "zj-officer", "zj-head-finance",
            "zj-head-regulator", "gd-officer", "gd-head-finance", "gd-head-regulator", "agency-public-security",
            "agency-telecom", "agency-market-regulation", "agency-central-bank", "anonymous");
    private static final String STALE = "\"0\"";
    private static final String NO_EVENT = "EV-20180301-NOSUCHEV";
    private static final String NO_REQUEST = "INC-REFERRAL-EV-20180301-NOSUCHEV-M1";
    private static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();
    /** Tokens live 300 s in the realm; each caller's is fetched again after a minute. */

    /**
     * @param eventId   the event of the record, recorded by its province's officer; null for BJ (Beijing has no
     *                  officer in the realm, and central records no event)
     * @param requestId the referral of the event, addressed to public security; null without an event
     * @param signalId  the signal public security posted about the institution
     */
    record Fixture(String id, String creditCode, String name, String registeredProvince, String branch,
                   String eventId, String requestId, String signalId) {

        boolean hasEvent() {
            return eventId != null;
        }
    }

    @BeforeAll
    static void fixtures() {
        FIXTURES.put("ZJ", withEvent("zj-officer", "33", "44"));
        FIXTURES.put("GD", withEvent("gd-officer", "44", "33"));
        FIXTURES.put("BJ", withoutEvent("11", "31"));
    }

    // =================================================================================================================
    // AUTH-02..05: the scope table, through the gateway
    // =================================================================================================================

    /** Which door an endpoint is behind: the regulators' API, or the partner agencies' (AUTH-05). */
    enum Door { REGULATORS, AGENCIES }

    /** What an endpoint needs of the caller. */
    enum Act {
        /** A list filtered by scope: every regulator gets 200. */
        LIST,
        /** Central and the provinces where the institution is registered or does business. */
        READ,
        /** The registration province's officers and heads (INC-09). */
        WRITE,
        /** The registration province's heads only (INC-05, AUTH-04). */
        HEAD,
        /** Central only (the follow-up interval, INC-06). */
        CENTRAL,
        /** The business-place provinces only (support notes, INC-09). */
        SUPPORT,
        /** Any province that may read the institution; not central (signals, INC-01). */
        SIGNAL,
        /** The agency the record is addressed to or posted by: public security here. */
        OWN_AGENCY
    }

    /**
     * Every incident endpoint that concerns one record, once. {@code allowed} is the status an allowed caller gets
     * here: reads 200; writes 412 on the stale version; the recording of an event without its type 400 (after the
     * scope checks, before anything is stored); the recording of a signal 201 (it adds one). {@code needsEvent}: the
     * endpoint looks the record's event (or its request) up; without one, everyone who passes the door gets 404.
     */
    enum Endpoint {
        EVENT_RECORD_INCOMPLETE(Door.REGULATORS, Act.WRITE, 400, false),
        EVENTS_OF_INSTITUTION(Door.REGULATORS, Act.LIST, 200, false),
        SIGNAL_RECORD(Door.REGULATORS, Act.SIGNAL, 201, false),
        SIGNALS_OF_INSTITUTION(Door.REGULATORS, Act.LIST, 200, false),
        SIGNAL_GET(Door.REGULATORS, Act.READ, 200, false),
        AGENCY_REQUESTS(Door.REGULATORS, Act.READ, 200, false),
        EVENT_GET(Door.REGULATORS, Act.READ, 200, true),
        LEVEL_PROPOSAL(Door.REGULATORS, Act.READ, 200, true),
        TIMELINE(Door.REGULATORS, Act.READ, 200, true),
        TIMELINE_PDF(Door.REGULATORS, Act.READ, 200, true),
        LEVEL_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        WATCHER_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        PLAN_START_STALE(Door.REGULATORS, Act.HEAD, 412, true),
        PLAN_END_STALE(Door.REGULATORS, Act.HEAD, 412, true),
        NOTIFICATION_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        REPORT_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        FOLLOW_UP_INTERVAL_STALE(Door.REGULATORS, Act.CENTRAL, 412, true),
        MEASURE_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        MEASURE_UPDATE_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        SUPPORT_NOTE_STALE(Door.REGULATORS, Act.SUPPORT, 412, true),
        LINK_SIGNALS_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        INSTITUTION_STATUS_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        CLOSURE_STALE(Door.REGULATORS, Act.WRITE, 412, true),
        AGENCY_SIGNAL_GET(Door.AGENCIES, Act.OWN_AGENCY, 200, false),
        AGENCY_REQUEST_GET(Door.AGENCIES, Act.OWN_AGENCY, 200, true);

        final Door door;
        final Act act;
        final int allowed;
        final boolean needsEvent;

        Endpoint(Door door, Act act, int allowed, boolean needsEvent) {
            this.door = door;
            this.act = act;
            this.allowed = allowed;
            this.needsEvent = needsEvent;
        }
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String caller : CALLERS) {
            for (String record : List.of("ZJ", "GD", "BJ")) {
                for (Endpoint endpoint : Endpoint.values()) {
                    rows.add(Arguments.of(caller, record, endpoint));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "AUTH-02 {0} {2} on {1}")
    @MethodSource("table")
    void auth02_incidentEndpointsAnswerByScopeThroughTheGateway(String caller, String record, Endpoint endpoint) {
        Fixture fixture = FIXTURES.get(record);

        Http.Response response = call(endpoint, fixture, Keycloak.cachedToken(caller));

        int expected = expected(caller, fixture, endpoint);
        assertThat(response.status()).as("%s %s on %s: %s", caller, endpoint, record, response.body())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.isProblem()).as("%s %s on %s", caller, endpoint, record).isTrue();
            assertThat(response.body()).as("nothing of the record leaks").doesNotContain(fixture.name())
                    .doesNotContain(fixture.creditCode());
        }
        if (expected == 200 && endpoint == Endpoint.TIMELINE_PDF) {
            assertThat(response.contentType()).isEqualTo("application/pdf");
            assertThat(response.body()).startsWith("%PDF");
        }
    }

    @Test
    void auth02_theListsHoldExactlyTheCallersScope() {
        for (String caller : CALLERS) {
            String token = Keycloak.cachedToken(caller);
            boolean regulator = !caller.equals("anonymous") && !caller.startsWith("agency-");
            for (Map.Entry<String, Fixture> entry : FIXTURES.entrySet()) {
                Fixture fixture = entry.getValue();
                boolean readable = regulator && expected(caller, fixture, Endpoint.SIGNAL_GET) == 200;

                Http.Response events = Http.get(API + "/events?size=200&institutionId=" + fixture.id(), token);
                Http.Response signals = Http.get(API + "/signals?size=200&institutionId=" + fixture.id(), token);
                for (Http.Response list : List.of(events, signals)) {
                    assertThat(list.status()).as("%s on %s: %s", caller, entry.getKey(), list.body())
                            .isEqualTo(regulator ? 200 : caller.equals("anonymous") ? 401 : 403);
                }
                if (!regulator) {
                    continue;
                }
                assertThat(ids(events.json().get("content"))).as("%s lists the events of %s", caller,
                        entry.getKey()).isEqualTo(readable && fixture.hasEvent() ? List.of(fixture.eventId())
                        : List.of());
                assertThat(ids(signals.json().get("content")).contains(fixture.signalId()))
                        .as("%s lists the signals of %s", caller, entry.getKey()).isEqualTo(readable);
                if (!readable) {
                    assertThat(signals.json().get("content")).as("%s sees no signal of %s", caller,
                            entry.getKey()).isEmpty();
                }
            }
        }
    }

    @Test
    void auth02_auth05_theContextWideEndpointsAnswerByRole() {
        for (String caller : CALLERS) {
            String token = Keycloak.cachedToken(caller);
            boolean anonymous = caller.equals("anonymous");
            boolean agency = caller.startsWith("agency-");
            int regulators = anonymous ? 401 : agency ? 403 : 200;
            int agencies = anonymous ? 401 : agency ? 200 : 403;
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("/events", regulators);
            expected.put("/signals", regulators);
            expected.put("/board", regulators);
            expected.put("/breaches", regulators);
            expected.put("/overdue-agency-requests", regulators);
            expected.put("/read-audit", caller.equals("central") ? 200 : anonymous ? 401 : 403);
            expected.put("/agency-requests", agencies);
            expected.put("/agency-signals", agencies);
            for (Map.Entry<String, Integer> path : expected.entrySet()) {
                Http.Response response = Http.get(API + path.getKey(), token);
                assertThat(response.status()).as("%s %s: %s", caller, path.getKey(), response.body())
                        .isEqualTo(path.getValue());
                if (path.getValue() >= 400) {
                    assertThat(response.isProblem()).as("%s %s", caller, path.getKey()).isTrue();
                }
            }
            if (agency) {
                // AUTH-05: each agency's door lists only what is addressed to it or what it posted
                boolean police = caller.equals("agency-public-security");
                List<String> requests = ids(Http.get(API + "/agency-requests", token).json());
                List<String> posted = ids(Http.get(API + "/agency-signals?size=200", token).json().get("content"));
                for (Fixture fixture : FIXTURES.values()) {
                    if (fixture.hasEvent()) {
                        assertThat(requests.contains(fixture.requestId())).as("%s's requests", caller)
                                .isEqualTo(police);
                    }
                    assertThat(posted.contains(fixture.signalId())).as("%s's signals", caller).isEqualTo(police);
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------------

    enum Relation { OWN, BUSINESS_PLACE, FOREIGN }

    /** A provincial caller's relation to the record; null for central, the agencies and anonymous. */
    private static Relation relation(String caller, Fixture fixture) {
        String province = caller.startsWith("zj-") ? "33" : caller.startsWith("gd-") ? "44" : null;
        if (province == null) {
            return null;
        }
        if (province.equals(fixture.registeredProvince())) {
            return Relation.OWN;
        }
        return province.equals(fixture.branch()) ? Relation.BUSINESS_PLACE : Relation.FOREIGN;
    }

    /**
     * The rule, written out: anonymous 401; the agencies' door is for agencies only (regulators 403) and each agency
     * finds only what is addressed to it or what it posted (404 otherwise); an agency is refused every regulators'
     * endpoint (403, role before scope). Scoped lists answer every regulator. A foreign province gets 404 whatever the
     * act (existence is not revealed), and so does everyone who passes the scope when the record has no event; central
     * reads, sets the follow-up interval and writes nothing else (403, AUTH-03); the registration province reads,
     * records and writes, and only its heads start and end the plan (AUTH-04); a business-place province reads,
     * records signals and adds support notes, and is refused every other act (403, INC-09).
     */
    static int expected(String caller, Fixture fixture, Endpoint endpoint) {
        if (caller.equals("anonymous")) {
            return 401;
        }
        boolean agency = caller.startsWith("agency-");
        if (endpoint.door == Door.AGENCIES) {
            if (!agency) {
                return 403;
            }
            boolean found = caller.equals("agency-public-security") && (!endpoint.needsEvent || fixture.hasEvent());
            return found ? endpoint.allowed : 404;
        }
        if (agency) {
            return 403;
        }
        if (endpoint.act == Act.LIST) {
            return endpoint.allowed;
        }
        int allowed = endpoint.needsEvent && !fixture.hasEvent() ? 404 : endpoint.allowed;
        if (caller.equals("central")) {
            if (endpoint.needsEvent && !fixture.hasEvent()) {
                return 404;
            }
            return endpoint.act == Act.READ || endpoint.act == Act.CENTRAL ? allowed : 403;
        }
        boolean head = caller.endsWith("-head-finance") || caller.endsWith("-head-regulator");
        return switch (relation(caller, fixture)) {
            case FOREIGN -> 404;
            case BUSINESS_PLACE -> switch (endpoint.act) {
                case READ, SIGNAL, SUPPORT -> allowed;
                default -> 403;
            };
            case OWN -> switch (endpoint.act) {
                case READ, SIGNAL, WRITE -> allowed;
                case HEAD -> head ? allowed : 403;
                default -> 403;
            };
        };
    }

    private static Http.Response call(Endpoint endpoint, Fixture f, String token) {
        String one = API + "/events/" + (f.hasEvent() ? f.eventId() : NO_EVENT);
        return switch (endpoint) {
            case EVENT_RECORD_INCOMPLETE -> send("POST", API + "/events", token, null,
                    "{\"institutionId\":\"" + f.id() + "\",\"title\":\"缺少事件类型\"}");
            case EVENTS_OF_INSTITUTION -> Http.get(API + "/events?institutionId=" + f.id(), token);
            case SIGNAL_RECORD -> send("POST", API + "/signals", token, null, signal(f.id()));
            case SIGNALS_OF_INSTITUTION -> Http.get(API + "/signals?institutionId=" + f.id(), token);
            case SIGNAL_GET -> Http.get(API + "/signals/" + f.signalId(), token);
            case AGENCY_REQUESTS -> Http.get(API + "/institutions/" + f.id() + "/agency-requests", token);
            case EVENT_GET -> Http.get(one, token);
            case LEVEL_PROPOSAL -> Http.get(one + "/level-proposal", token);
            case TIMELINE -> Http.get(one + "/timeline", token);
            case TIMELINE_PDF -> Http.get(one + "/timeline.pdf", token);
            case LEVEL_STALE -> send("PUT", one + "/level", token, STALE,
                    "{\"level\":\"ESPECIALLY_MAJOR\",\"reason\":\"范围测试\"}");
            case WATCHER_STALE -> send("PUT", one + "/watcher", token, STALE, "{\"name\":\"张三\"}");
            case PLAN_START_STALE -> send("POST", one + "/plan/start", token, STALE, "{\"reason\":\"范围测试\"}");
            case PLAN_END_STALE -> send("POST", one + "/plan/end", token, STALE, "{\"reason\":\"范围测试\"}");
            case NOTIFICATION_STALE -> send("POST", one + "/notification", token, STALE, "{\"recipients\":["
                    + "\"P2P_RECTIFICATION_OFFICE\",\"INTERNET_FINANCE_RECTIFICATION_OFFICE\","
                    + "\"ILLEGAL_FUNDRAISING_OFFICE\"]}");
            case REPORT_STALE -> send("POST", one + "/reports", token, STALE,
                    "{\"kind\":\"WRITTEN\",\"text\":\"范围测试\"}");
            case FOLLOW_UP_INTERVAL_STALE -> send("PUT", one + "/follow-up-interval", token, STALE,
                    "{\"hours\":12,\"reason\":\"范围测试\"}");
            case MEASURE_STALE -> send("POST", one + "/measures", token, STALE,
                    "{\"kind\":\"UNIFIED_MESSAGING\",\"description\":\"范围测试\"}");
            case MEASURE_UPDATE_STALE -> send("PUT", one + "/measures/" + (f.hasEvent() ? f.eventId() : NO_EVENT)
                    + "-M1", token, STALE, "{\"status\":\"DONE\",\"note\":\"范围测试\"}");
            case SUPPORT_NOTE_STALE -> send("POST", one + "/support-notes", token, STALE, "{\"text\":\"范围测试\"}");
            case LINK_SIGNALS_STALE -> send("POST", one + "/signals", token, STALE,
                    "{\"signalIds\":[\"" + f.signalId() + "\"]}");
            case INSTITUTION_STATUS_STALE -> send("POST", one + "/institution-status", token, STALE,
                    "{\"status\":\"SUSPENDED\",\"reason\":\"范围测试\"}");
            case CLOSURE_STALE -> send("POST", one + "/closure", token, STALE, "{\"reason\":\"范围测试\"}");
            case AGENCY_SIGNAL_GET -> Http.get(API + "/agency-signals/" + f.signalId(), token);
            case AGENCY_REQUEST_GET -> Http.get(API + "/agency-requests/"
                    + (f.hasEvent() ? f.requestId() : NO_REQUEST), token);
        };
    }

    /** A request with a JSON body (or none), the caller's token (or none) and {@code If-Match} (or none). */
    private static Http.Response send(String method, String url, String token, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String signal(String institutionId) {
        return """
                {"type":"NEGATIVE_MEDIA","institutionIds":["%s"],"source":"范围测试","observedAt":"%s",
                 "description":"媒体报道平台兑付困难"}""".formatted(institutionId,
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static List<String> ids(JsonNode list) {
        return list.valueStream().map(r -> r.get("id").asString()).toList();
    }

    // -----------------------------------------------------------------------------------------------------------------

    /**
     * A file registered by {@code officer} in {@code province} with a branch in {@code branch}; public security's
     * signal about it; the officer's event, at level MAJOR, with a referral to public security delivered to its door.
     */
    private static Fixture withEvent(String officerName, String province, String branch) {
        String officer = Keycloak.userToken(officerName);
        String[] institution = register(officer, province, branch);
        String id = institution[0];
        String signalId = postedSignal(id);

        Http.Response recorded = Http.postJson(API + "/events", officer, """
                {"institutionId":"%s","type":"LENDER_PETITION","title":"出借人聚集维权",
                 "description":"范围测试事件"}""".formatted(id));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String one = API + "/events/" + recorded.json().get("id").asString();
        Http.Response levelled = send("PUT", one + "/level", officer, recorded.etag(),
                "{\"level\":\"MAJOR\",\"reason\":\"涉及出借人较多\"}");
        assertThat(levelled.status()).as(levelled.body()).isEqualTo(200);
        Http.Response referred = Http.postJson(one + "/measures", officer,
                "{\"kind\":\"REFERRAL_TO_PUBLIC_SECURITY\",\"description\":\"涉嫌非法吸收公众存款\"}", levelled.etag());
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String requestId = referred.json().at("/measures/0/agencyRequestIds/0").asString();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Http.get(API + "/agency-requests/" + requestId,
                        Keycloak.clientToken("agency-public-security")).status()).isEqualTo(200));
        return new Fixture(id, institution[1], institution[2], province, branch,
                recorded.json().get("id").asString(), requestId, signalId);
    }

    /** A file registered by central (no officer of {@code province} in the realm), with public security's signal. */
    private static Fixture withoutEvent(String province, String branch) {
        String[] institution = register(Keycloak.userToken("central"), province, branch);
        return new Fixture(institution[0], institution[1], institution[2], province, branch, null, null,
                postedSignal(institution[0]));
    }

    /** Public security's signal about the institution, once the incident context's projection knows it (404 before). */
    private static String postedSignal(String institutionId) {
        String police = Keycloak.clientToken("agency-public-security");
        Http.Response posted = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(API + "/agency-signals", police, """
                        {"type":"EXECUTIVE_TROUBLE","institutionIds":["%s"],"source":"公安机关","observedAt":"%s",
                         "description":"实际控制人涉嫌其他案件"}""".formatted(institutionId,
                        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))), r -> r.status() != 404);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get("id").asString();
    }

    /** Registers a file; answers its id, credit code and name. */
    private static String[] register(String token, String province, String branch) {
        String code = RegistryScopeSystemIT.creditCode();
        String name = "事件范围测试平台 " + province + "-" + code.substring(10);
        String body = """
                {"creditCode":"%s","registeredProvince":"%s","name":"%s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "custodyBank":"浙商银行","legalRepresentative":{"name":"范围测试法人","idNumber":"330106198001011234"},
                 "branches":[{"name":"分支机构","province":"%s","city":"City","address":"Road 1"}]}"""
                .formatted(code, province, name, branch);
        Http.Response created = Http.postJson(REGISTRY, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {created.json().get("id").asString(), code, name};
    }
}
