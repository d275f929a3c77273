package cn.p2psupervision.registry.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.audit.AuditEntry;

/**
 * The institution API as a client sees it (MockMvc, tokens as Keycloak would issue them, in-memory Mongo): the
 * province scope (AUTH-02, AUTH-03, AUTH-05), optimistic locking and history (REG-07), validation (REG-01, REG-02),
 * the controller group (REG-04), masking of personal data, and the audit trail (AUTH-07).
 */
@SpringBootTest(properties = {
        "platform.mongo.embedded.storage=memory",
        "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class InstitutionApiTest {

    private static final String BASE = "/api/v1/registry/institutions";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** Unique per run and per call, so that tests never collide in the shared in-memory database. */
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    // =================================================================================================================
    // a) AUTH-02 / AUTH-03 / AUTH-05: the scope table
    // =================================================================================================================

    /** The three records of the table, named from Zhejiang's point of view. */
    enum Fixture {
        /** Registered in 33 (by zj-officer), with a branch in 44. */
        OWN,
        /** Registered in 44 (by gd-officer), with a branch in 33. */
        B,
        /** Registered in 11 (by central, base list), with a branch in 31. */
        FOREIGN
    }

    /** What a record is to a caller. */
    enum Relation { REGISTERED_HERE, BUSINESS_PLACE, FOREIGN, CENTRAL, AGENCY, ANONYMOUS }

    /** The real relation of each caller to each fixture (written out, not computed by the rule under test). */
    static Relation relation(TestCaller caller, Fixture fixture) {
        return switch (caller) {
            case ANONYMOUS -> Relation.ANONYMOUS;
            case AGENCY -> Relation.AGENCY;
            case CENTRAL -> Relation.CENTRAL;
            case ZJ_OFFICER, ZJ_HEAD_FINANCE -> switch (fixture) {
                case OWN -> Relation.REGISTERED_HERE;
                case B -> Relation.BUSINESS_PLACE;
                case FOREIGN -> Relation.FOREIGN;
            };
            case GD_OFFICER -> switch (fixture) {
                case OWN -> Relation.BUSINESS_PLACE;   // registered 33, branch in 44
                case B -> Relation.REGISTERED_HERE;    // registered 44
                case FOREIGN -> Relation.FOREIGN;
            };
            case BJ_OFFICER, INTERNAL -> throw new IllegalArgumentException(caller + " is not in the scope table");
        };
    }

    /** The institution endpoints; {@code success} is the status of an allowed call. */
    /** What an endpoint does to a file: reads it, changes it (a new version), or appends an operating report. */
    enum Kind { READ, WRITE, REPORT }

    enum Endpoint {
        GET_BY_ID(Kind.READ, 200),
        GET_BY_CREDIT_CODE_AS_ID(Kind.READ, 200),
        GET_BY_CODE(Kind.READ, 200),
        PATCH(Kind.WRITE, 200),
        GROUP(Kind.READ, 200),
        HISTORY(Kind.READ, 200),
        HISTORY_V1(Kind.READ, 200),
        HISTORY_V1_DIFF(Kind.READ, 200),
        VERIFICATIONS(Kind.WRITE, 201),
        ATTESTATION(Kind.WRITE, 201),
        REPORT_SUBMIT(Kind.REPORT, 201),
        REPORT_SERIES(Kind.READ, 200),
        REPORT_REVISIONS(Kind.READ, 200),
        LIST(Kind.READ, 200);

        final Kind kind;
        final boolean write;
        final int success;

        Endpoint(Kind kind, int success) {
            this.kind = kind;
            this.write = kind == Kind.WRITE;
            this.success = success;
        }
    }

    /**
     * The rule, cell by cell: anonymous 401; agency 403 (role before scope); central reads everything and writes
     * nothing (AUTH-03) except operating figures from its own sources (REG-03); the registration province reads and
     * writes; a business-place province reads but does not write; anything else is 404 — and absent from lists.
     */
    static int expectedStatus(Endpoint endpoint, Relation relation) {
        return switch (relation) {
            case ANONYMOUS -> 401;
            case AGENCY -> 403;
            case CENTRAL -> endpoint.write ? 403 : endpoint.success;
            case REGISTERED_HERE -> endpoint.success;
            case BUSINESS_PLACE -> endpoint.kind == Kind.READ ? endpoint.success : 403;
            case FOREIGN -> endpoint == Endpoint.LIST ? 200 : 404;
        };
    }

    static boolean listed(Relation relation) {
        return EnumSet.of(Relation.REGISTERED_HERE, Relation.BUSINESS_PLACE, Relation.CENTRAL).contains(relation);
    }

    static Stream<Arguments> scopeTable() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (TestCaller caller : List.of(TestCaller.CENTRAL, TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_FINANCE,
                    TestCaller.GD_OFFICER, TestCaller.AGENCY, TestCaller.ANONYMOUS)) {
                for (Fixture fixture : Fixture.values()) {
                    cells.add(Arguments.of(endpoint, caller, fixture));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} by {1} on {2}")
    @MethodSource("scopeTable")
    void auth02_auth03_auth05_scopeTable(Endpoint endpoint, TestCaller caller, Fixture target) throws Exception {
        String prefix = "Scope " + SEQUENCE.incrementAndGet();
        Map<Fixture, Registered> fixtures = new LinkedHashMap<>();
        fixtures.put(Fixture.OWN, register(TestCaller.ZJ_OFFICER, "33", prefix + " Own Co.", "44"));
        fixtures.put(Fixture.B, register(TestCaller.GD_OFFICER, "44", prefix + " B Co.", "33"));
        fixtures.put(Fixture.FOREIGN, register(TestCaller.CENTRAL, "11", prefix + " Foreign Co.", "31"));
        if (endpoint == Endpoint.ATTESTATION) {
            // the signed confirmation needs a verification first: each owner records one
            verifyOk(TestCaller.ZJ_OFFICER, fixtures.get(Fixture.OWN), 1);
            verifyOk(TestCaller.GD_OFFICER, fixtures.get(Fixture.B), 1);
            verifyOk(TestCaller.BJ_OFFICER, fixtures.get(Fixture.FOREIGN), 1);
        }
        if (endpoint == Endpoint.REPORT_SERIES || endpoint == Endpoint.REPORT_REVISIONS) {
            reportOk(TestCaller.ZJ_OFFICER, fixtures.get(Fixture.OWN));
            reportOk(TestCaller.GD_OFFICER, fixtures.get(Fixture.B));
            reportOk(TestCaller.BJ_OFFICER, fixtures.get(Fixture.FOREIGN));
        }
        Registered record = fixtures.get(target);
        long versionBefore = currentVersion(record);
        long auditBefore = auditCount(record.id());
        Relation relation = relation(caller, target);
        int expected = expectedStatus(endpoint, relation);

        MockHttpServletResponse response = call(caller, request(endpoint, record, versionBefore, prefix));

        assertThat(response.getStatus()).as("%s by %s on %s (%s)", endpoint, caller, target, relation)
                .isEqualTo(expected);
        if (expected >= 400) {
            assertProblem(response, expected);
            assertThat(body(response)).as("a refusal shows nothing of the record")
                    .doesNotContain(record.name(), "Address of " + record.name(), "registeredProvince");
        }
        if (expected == 404) {
            assertThat(problem(response).path("type").asString()).isEqualTo("urn:p2p-supervision:problem:not-found");
        }
        if (endpoint.write) {
            long versionAfter = currentVersion(record);
            if (expected == endpoint.success) {
                assertThat(versionAfter).isEqualTo(versionBefore + 1);
                assertThat(auditCount(record.id())).isEqualTo(auditBefore + 1);
                assertThat(response.getHeader("ETag")).isEqualTo("\"" + versionAfter + "\"");
            } else {
                assertThat(versionAfter).as("a refused write changes nothing").isEqualTo(versionBefore);
                assertThat(auditCount(record.id())).isEqualTo(auditBefore);
            }
        }
        if (endpoint.kind == Kind.REPORT && expected != endpoint.success) {
            assertThat(body(ok(call(TestCaller.CENTRAL, get(BASE + "/" + record.id() + "/reports")))))
                    .as("a refused report stores nothing").isEqualTo("[]");
        }
        if (expected == 200 && endpoint == Endpoint.HISTORY) {
            assertThat(read(response).values()).extracting(v -> v.path("action").asString()).startsWith("REGISTER");
        } else if (expected == endpoint.success && !endpoint.write && endpoint != Endpoint.LIST) {
            assertThat(body(response)).contains(record.id());
        }
        if (endpoint == Endpoint.LIST && expected == 200) {
            JsonNode page = read(response);
            Set<String> ids = new HashSet<>();
            for (JsonNode line : page.path("content")) {
                ids.add(line.path("id").asString());
            }
            for (Fixture fixture : Fixture.values()) {
                assertThat(ids.contains(fixtures.get(fixture).id()))
                        .as("%s lists %s (%s)", caller, fixture, relation(caller, fixture))
                        .isEqualTo(listed(relation(caller, fixture)));
            }
            assertThat(body(response)).as("no trace of out-of-scope records").satisfies(text -> {
                for (Fixture fixture : Fixture.values()) {
                    if (!listed(relation(caller, fixture))) {
                        assertThat(text).doesNotContain(fixtures.get(fixture).name(), fixtures.get(fixture).creditCode());
                    }
                }
            });
        }
    }

    private MockHttpServletRequestBuilder request(Endpoint endpoint, Registered r, long version, String prefix) {
        String ifMatch = "\"" + version + "\"";
        return switch (endpoint) {
            case GET_BY_ID -> get(BASE + "/" + r.id());
            case GET_BY_CREDIT_CODE_AS_ID -> get(BASE + "/" + r.creditCode());
            case GET_BY_CODE -> get(BASE + "/by-code/" + r.creditCode());
            case PATCH -> patch(BASE + "/" + r.id()).contentType(MERGE_PATCH).header("If-Match", ifMatch)
                    .content("{\"custodyBank\":\"Bank of Hangzhou\",\"reason\":\"scope test\"}");
            case GROUP -> get(BASE + "/" + r.id() + "/group");
            case HISTORY -> get(BASE + "/" + r.id() + "/history");
            case HISTORY_V1 -> get(BASE + "/" + r.id() + "/history/1");
            case HISTORY_V1_DIFF -> get(BASE + "/" + r.id() + "/history/1/diff");
            case VERIFICATIONS -> post(BASE + "/" + r.id() + "/verifications").contentType(MediaType.APPLICATION_JSON)
                    .header("If-Match", ifMatch).content(verificationBody());
            case ATTESTATION -> post(BASE + "/" + r.id() + "/attestation").contentType(MediaType.APPLICATION_JSON)
                    .header("If-Match", ifMatch).content(attestationBody());
            case REPORT_SUBMIT -> post(BASE + "/" + r.id() + "/reports").contentType(MediaType.APPLICATION_JSON)
                    .content(reportBody());
            case REPORT_SERIES -> get(BASE + "/" + r.id() + "/reports");
            case REPORT_REVISIONS -> get(BASE + "/" + r.id() + "/reports/2017-04");
            case LIST -> get(BASE).param("namePrefix", prefix + " ").param("size", "50");
        };
    }

    @Test
    void auth02_outOfScopeLooksExactlyLikeAbsent() throws Exception {
        Registered foreign = register(TestCaller.CENTRAL, "11", "Absent-like " + SEQUENCE.incrementAndGet() + " Co.", "31");
        String absentId = InstitutionFile.idFor(CreditCode.parse(newCreditCode()));

        JsonNode outOfScope = problem(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + foreign.id())), 404);
        JsonNode absent = problem(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + absentId)), 404);

        assertThat(outOfScope.path("type")).isEqualTo(absent.path("type"));
        assertThat(outOfScope.path("title")).isEqualTo(absent.path("title"));
        assertThat(outOfScope.path("detail").asString().replace(foreign.id(), "<id>"))
                .isEqualTo(absent.path("detail").asString().replace(absentId, "<id>"));
        assertThat(outOfScope.propertyNames()).containsExactlyInAnyOrderElementsOf(absent.propertyNames());
    }

    @Test
    void auth02_provincialListFilterCannotWidenTheScope() throws Exception {
        String prefix = "Widen " + SEQUENCE.incrementAndGet();
        Registered foreign = register(TestCaller.CENTRAL, "11", prefix + " Foreign Co.", "31");

        JsonNode page = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE).param("province", "11")
                .param("namePrefix", prefix))));
        assertThat(page.path("totalElements").asLong()).isZero();
        assertThat(body(call(TestCaller.ZJ_OFFICER, get(BASE).param("controller", "x").param("namePrefix", prefix))))
                .doesNotContain(foreign.id());
        JsonNode central = read(ok(call(TestCaller.CENTRAL, get(BASE).param("province", "11")
                .param("namePrefix", prefix))));
        assertThat(central.path("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void reg06_theListFiltersTheFilesStillToVerify() throws Exception {
        String prefix = "Verify " + SEQUENCE.incrementAndGet();
        Registered unverified = register(TestCaller.ZJ_OFFICER, "33", prefix + " A Co.", null);
        Registered verified = register(TestCaller.ZJ_OFFICER, "33", prefix + " B Co.", null);
        verifyOk(TestCaller.ZJ_OFFICER, verified, currentVersion(verified));

        String toVerify = body(ok(call(TestCaller.ZJ_OFFICER, get(BASE).param("namePrefix", prefix)
                .param("verificationState", "UNVERIFIED"))));
        String inVerification = body(ok(call(TestCaller.ZJ_OFFICER, get(BASE).param("namePrefix", prefix)
                .param("verificationState", "IN_VERIFICATION"))));

        assertThat(toVerify).contains(unverified.id()).doesNotContain(verified.id());
        assertThat(inVerification).contains(verified.id()).doesNotContain(unverified.id());
        problem(call(TestCaller.ZJ_OFFICER, get(BASE).param("verificationState", "DONE")), 400);
    }

    // =================================================================================================================
    // b) REG-07: optimistic lock
    // =================================================================================================================

    @Test
    void reg07_patchWithoutIfMatchIs428() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Lock " + SEQUENCE.incrementAndGet() + " Co.", null);

        MockHttpServletResponse response = call(TestCaller.ZJ_OFFICER, patch(BASE + "/" + r.id())
                .contentType(MERGE_PATCH).content("{\"custodyBank\":\"Bank A\"}"));

        assertThat(problem(response, 428).path("type").asString())
                .isEqualTo("urn:p2p-supervision:problem:version-required");
        assertThat(currentVersion(r)).isEqualTo(1);
    }

    @Test
    void reg07_staleIfMatchIs412AndTheFileIsUnchanged() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Stale " + SEQUENCE.incrementAndGet() + " Co.", null);
        patchOk(TestCaller.ZJ_OFFICER, r, 1, "{\"custodyBank\":\"Bank A\"}");

        MockHttpServletResponse stale = call(TestCaller.ZJ_HEAD_FINANCE, patch(BASE + "/" + r.id())
                .contentType(MERGE_PATCH).header("If-Match", "\"1\"").content("{\"custodyBank\":\"Bank B\"}"));

        JsonNode problem = problem(stale, 412);
        assertThat(problem.path("type").asString()).isEqualTo("urn:p2p-supervision:problem:stale-version");
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(2);
        JsonNode file = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id()))));
        assertThat(file.path("version").asLong()).isEqualTo(2);
        assertThat(file.path("custodyBank").asString()).isEqualTo("Bank A");
        assertThat(history(r)).hasSize(2);
        assertThat(auditCount(r.id())).isEqualTo(2);
    }

    @Test
    void reg07_etagIsReturnedOnGetAndUpdatedAfterPatch() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Etag " + SEQUENCE.incrementAndGet() + " Co.", null);
        assertThat(r.etag()).isEqualTo("\"1\"");

        assertThat(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id()))).getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(ok(call(TestCaller.CENTRAL, get(BASE + "/by-code/" + r.creditCode()))).getHeader("ETag"))
                .isEqualTo("\"1\"");

        MockHttpServletResponse patched = patchOk(TestCaller.ZJ_OFFICER, r, 1, "{\"custodyBank\":\"Bank A\"}");
        assertThat(patched.getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(read(patched).path("version").asLong()).isEqualTo(2);
        assertThat(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id()))).getHeader("ETag")).isEqualTo("\"2\"");
        // a weak ETag of the current version is accepted too
        MockHttpServletResponse weak = call(TestCaller.ZJ_OFFICER, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH)
                .header("If-Match", "W/\"2\"").content("{\"custodyBank\":\"Bank B\"}"));
        assertThat(weak.getStatus()).isEqualTo(200);
        assertThat(weak.getHeader("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void reg07_retryOfTheSamePatchAfterItSucceededIsIdempotent() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Retry " + SEQUENCE.incrementAndGet() + " Co.", null);
        String patchBody = "{\"custodyBank\":\"Bank A\",\"reason\":\"custody contract signed\"}";

        MockHttpServletResponse first = patchOk(TestCaller.ZJ_OFFICER, r, 1, patchBody);
        MockHttpServletResponse retry = call(TestCaller.ZJ_OFFICER, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"").content(patchBody));

        assertThat(retry.getStatus()).as(body(retry)).isEqualTo(200);
        assertThat(retry.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(read(retry).path("version").asLong()).isEqualTo(2);
        assertThat(read(retry).path("custodyBank").asString()).isEqualTo("Bank A");
        assertThat(history(r)).extracting(v -> v.path("version").asLong()).containsExactly(1L, 2L);
        assertThat(auditCount(r.id())).isEqualTo(2);
        // the same body from someone else, or another body on the old version, is still stale
        assertThat(call(TestCaller.ZJ_HEAD_FINANCE, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"").content(patchBody)).getStatus()).isEqualTo(412);
        assertThat(call(TestCaller.ZJ_OFFICER, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"").content("{\"custodyBank\":\"Bank B\"}")).getStatus()).isEqualTo(412);
        assertThat(currentVersion(r)).isEqualTo(2);
    }

    @Test
    void reg07_patchThatChangesNothingMakesNoVersion() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Noop " + SEQUENCE.incrementAndGet() + " Co.", null);

        MockHttpServletResponse same = patchOk(TestCaller.ZJ_OFFICER, r, 1,
                "{\"name\":\"" + r.name() + "\",\"registeredCapital\":\"1000000\"}");

        assertThat(same.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(history(r)).hasSize(1);
        assertThat(auditCount(r.id())).isEqualTo(1);
    }

    @Test
    void reg07_retryOfTheSameRegistrationReturnsTheSameFile() throws Exception {
        String code = newCreditCode();
        String body = registrationBody(code, "33", "Twice " + SEQUENCE.incrementAndGet() + " Co.", null);

        MockHttpServletResponse first = call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(body));
        MockHttpServletResponse retry = call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(body));

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(read(retry).path("id").asString()).isEqualTo(read(first).path("id").asString());
        assertThat(read(retry).path("version").asLong()).isEqualTo(1);
        assertThat(auditCount(read(first).path("id").asString())).isEqualTo(1);
    }

    // =================================================================================================================
    // c) REG-07: history
    // =================================================================================================================

    @Test
    void reg07_historyListsEveryVersionWithWhoWhatAndWhy() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "History " + SEQUENCE.incrementAndGet() + " Co.", null);
        String renamed = r.name().replace(" Co.", " Renamed Co.");
        patchOk(TestCaller.ZJ_OFFICER, r, 1, "{\"name\":\"" + renamed + "\",\"reason\":\"Renamed per business registration\"}");
        MockHttpServletResponse capital = patchOk(TestCaller.ZJ_OFFICER, r, 2,
                "{\"registeredCapital\":\"1250000\",\"reason\":\"Capital increase\",\"source\":\"INDUSTRY_DATABASE\"}");
        assertThat(read(capital).path("registeredCapital").asString()).isEqualTo("1250000.00");
        patchOk(TestCaller.ZJ_HEAD_FINANCE, r, 3, "{\"registeredAddress\":\"8 New Street, Hangzhou\",\"reason\":\"Moved\"}");

        List<JsonNode> history = history(r);

        assertThat(history).extracting(v -> v.path("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history).extracting(v -> v.path("action").asString())
                .containsExactly("REGISTER", "AMEND", "AMEND", "AMEND");
        assertThat(history).extracting(v -> v.path("by").path("username").asString())
                .containsExactly("zj-officer", "zj-officer", "zj-officer", "zj-head-finance");
        assertThat(history).extracting(v -> v.path("by").path("province").asString())
                .containsOnly("33");
        assertThat(history.subList(1, 4)).extracting(v -> v.path("reason").asString())
                .containsExactly("Renamed per business registration", "Capital increase", "Moved");
        assertThat(history).extracting(v -> v.path("changed").toString())
                .containsExactly(history.get(0).path("changed").toString(), "[\"name\"]", "[\"registeredCapital\"]",
                        "[\"registeredAddress\"]");
        assertThat(history).allSatisfy(v -> assertThat(v.path("at").asString()).startsWith("2017-06-01T"));

        // snapshots as they were
        JsonNode v1 = read(ok(call(TestCaller.CENTRAL, get(BASE + "/" + r.id() + "/history/1"))));
        assertThat(v1.path("version").asLong()).isEqualTo(1);
        assertThat(v1.path("file").path("name").asString()).isEqualTo(r.name());
        assertThat(v1.path("file").path("version").asLong()).isEqualTo(1);
        JsonNode v2 = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/2"))));
        assertThat(v2.path("file").path("name").asString()).isEqualTo(renamed);
        assertThat(v2.path("file").path("registeredCapital").asString()).isEqualTo("1000000.00");
        assertThat(v2.path("reason").asString()).isEqualTo("Renamed per business registration");
        JsonNode v3 = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/3"))));
        assertThat(v3.path("file").path("registeredCapital").asString()).isEqualTo("1250000.00");
        assertThat(v3.path("file").path("registeredAddress").asString()).isEqualTo("Address of " + r.name());

        // diffs: exactly the changed paths
        JsonNode d2 = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/2/diff"))));
        assertThat(d2.path("previousVersion").asLong()).isEqualTo(1);
        // the name now comes from the institution itself (default source), no longer from the industry database
        assertThat(changes(d2)).containsOnlyKeys("name", "provenance.name.source");
        assertThat(changes(d2).get("name")).containsExactly(r.name(), renamed);
        assertThat(changes(d2).get("provenance.name.source")).containsExactly("INDUSTRY_DATABASE", "INSTITUTION");

        JsonNode d3 = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/3/diff"))));
        assertThat(d3.path("reason").asString()).isEqualTo("Capital increase");
        assertThat(d3.path("by").path("username").asString()).isEqualTo("zj-officer");
        assertThat(changes(d3)).containsOnlyKeys("registeredCapital");
        assertThat(changes(d3).get("registeredCapital")).containsExactly("1000000.00", "1250000.00");

        // another person and source stand behind the address now: its provenance changed with it
        JsonNode d4 = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/4/diff"))));
        assertThat(changes(d4)).containsOnlyKeys("registeredAddress", "provenance.registeredAddress.recordedBy",
                "provenance.registeredAddress.source");
        assertThat(changes(d4).get("registeredAddress")).containsExactly("Address of " + r.name(), "8 New Street, Hangzhou");
        assertThat(changes(d4).get("provenance.registeredAddress.recordedBy")).containsExactly("zj-officer", "zj-head-finance");

        JsonNode d1 = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/1/diff"))));
        assertThat(d1.path("previousVersion").isNull()).isTrue();
        assertThat(changes(d1).get("name")).containsExactly(null, r.name());
        assertThat(changes(d1).get("registeredCapital")).containsExactly(null, "1000000.00");
        assertThat(changes(d1)).doesNotContainKeys("", "version", "custodyBank");

        problem(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/5")), 404);
        problem(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history/5/diff")), 404);
    }

    // =================================================================================================================
    // d) REG-01 / REG-02: validation
    // =================================================================================================================

    @Test
    void reg01_wrongCheckCharacterIs400WithRuleReg01AndNothingCreated() throws Exception {
        String valid = newCreditCode();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String invalid = valid.substring(0, 17) + wrong;
        long audit = totalAudit();

        JsonNode problem = problem(call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(invalid, "33", "Bad Code Co.", null))), 400);

        assertThat(problem.path("type").asString()).isEqualTo("urn:p2p-supervision:problem:validation-failed");
        assertThat(problem.path("rule").asString()).isEqualTo("REG-01");
        assertNothingFor(valid, audit);
        assertNothingFor(invalid, audit);
        // also as a look-up
        assertThat(problem(call(TestCaller.CENTRAL, get(BASE + "/by-code/" + invalid)), 400).path("rule").asString())
                .isEqualTo("REG-01");
    }

    @Test
    void reg02_invalidBodiesAre400ProblemsAndCreateNothing() throws Exception {
        long audit = totalAudit();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("unknown member", "\"name\":\"Unknown Member Co.\",\"favouriteColour\":\"red\"");
        cases.put("share over 100 % for one shareholder", "\"name\":\"Share Co.\",\"shareholders\":[{\"name\":\"Li Si\","
                + "\"type\":\"PERSON\",\"sharePercent\":\"100.01\"}]");
        cases.put("money with three decimals", "\"name\":\"Money Co.\",\"registeredCapital\":\"1000.123\"");
        cases.put("missing name", "\"registeredCapital\":\"1000.00\"");
        cases.put("blank name", "\"name\":\"  \"");
        cases.put("malformed id number", "\"name\":\"Id Co.\",\"legalRepresentative\":{\"name\":\"Li Si\","
                + "\"idNumber\":\"<script>\"}");
        cases.put("unknown status", "\"name\":\"Status Co.\",\"status\":\"HAPPY\"");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            String code = newCreditCode();
            MockHttpServletResponse response = call(TestCaller.ZJ_OFFICER, post(BASE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\"," + c.getValue() + "}"));
            assertThat(response.getStatus()).as(c.getKey() + ": " + body(response)).isEqualTo(400);
            assertThat(problem(response).path("type").asString()).as(c.getKey())
                    .isEqualTo("urn:p2p-supervision:problem:validation-failed");
            assertNothingFor(code, audit);
        }
        // which field, where bean validation knows it
        String code = newCreditCode();
        JsonNode missingName = problem(call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\"}")), 400);
        assertThat(missingName.path("errors").toString()).contains("\"field\":\"name\"");
        JsonNode share = problem(call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":\"S\","
                        + "\"shareholders\":[{\"name\":\"Li Si\",\"type\":\"PERSON\",\"sharePercent\":\"120\"}]}")), 400);
        assertThat(share.path("errors").toString()).contains("sharePercent");
        assertNothingFor(code, audit);
    }

    @Test
    void reg02_invalidPatchIs400AndMakesNoVersion() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Bad Patch " + SEQUENCE.incrementAndGet() + " Co.", null);

        for (String patchBody : List.of("{\"favouriteColour\":\"red\"}", "{\"name\":null}",
                "{\"registeredCapital\":\"1.001\"}", "{\"creditCode\":\"" + newCreditCode() + "\"}",
                "{\"registeredProvince\":\"44\"}", "{\"version\":7}")) {
            MockHttpServletResponse response = call(TestCaller.ZJ_OFFICER, patch(BASE + "/" + r.id())
                    .contentType(MERGE_PATCH).header("If-Match", "\"1\"").content(patchBody));
            assertThat(response.getStatus()).as(patchBody + ": " + body(response)).isEqualTo(400);
            assertProblem(response, 400);
        }
        assertThat(currentVersion(r)).isEqualTo(1);
        assertThat(auditCount(r.id())).isEqualTo(1);
    }

    @Test
    void reg01_duplicateCreditCodeIs409() throws Exception {
        Registered first = register(TestCaller.ZJ_OFFICER, "33", "Dup " + SEQUENCE.incrementAndGet() + " Co.", null);

        MockHttpServletResponse other = call(TestCaller.ZJ_HEAD_FINANCE, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(first.creditCode(), "33", "Another Name Co.", null)));
        MockHttpServletResponse sameOfficerOtherBody = call(TestCaller.ZJ_OFFICER, post(BASE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(first.creditCode(), "33", "Yet Another Name Co.", null)));
        MockHttpServletResponse central = call(TestCaller.CENTRAL, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(first.creditCode().toLowerCase(), "11", "Central Copy Co.", null)));

        for (MockHttpServletResponse response : List.of(other, sameOfficerOtherBody, central)) {
            assertThat(problem(response, 409).path("type").asString()).isEqualTo("urn:p2p-supervision:problem:conflict");
        }
        JsonNode file = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + first.id()))));
        assertThat(file.path("name").asString()).isEqualTo(first.name());
        assertThat(file.path("version").asLong()).isEqualTo(1);
        assertThat(auditCount(first.id())).isEqualTo(1);
    }

    @Test
    void auth02_aProvincialOfficerRegistersOnlyInItsOwnProvince() throws Exception {
        long audit = totalAudit();
        String code = newCreditCode();

        MockHttpServletResponse response = call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(code, "44", "Elsewhere Co.", null)));

        assertThat(problem(response, 403).path("type").asString()).isEqualTo("urn:p2p-supervision:problem:forbidden");
        assertNothingFor(code, audit);
        // nor may an agency register anything
        problem(call(TestCaller.AGENCY, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(code, "33", "Agency Co.", null))), 403);
        problem(call(TestCaller.ANONYMOUS, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registrationBody(code, "33", "Anon Co.", null))), 401);
        assertNothingFor(code, audit);
    }

    @Test
    void reg02_futureEstablishmentDateIs422WithRuleReg02() throws Exception {
        long audit = totalAudit();
        String code = newCreditCode();

        JsonNode problem = problem(call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":\"Future Co.\","
                        + "\"establishedOn\":\"2017-06-02\"}")), 422);

        assertThat(problem.path("type").asString()).isEqualTo("urn:p2p-supervision:problem:rule-violation");
        assertThat(problem.path("rule").asString()).isEqualTo("REG-02");
        assertNothingFor(code, audit);
        // also: shares adding up to over 100 %, branch in an unknown province
        String shares = newCreditCode();
        assertThat(problem(call(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + shares + "\",\"registeredProvince\":\"33\",\"name\":\"Shares Co.\","
                        + "\"shareholders\":[{\"name\":\"A\",\"type\":\"PERSON\",\"sharePercent\":\"60\"},"
                        + "{\"name\":\"B\",\"type\":\"ENTITY\",\"sharePercent\":\"41\"}]}")), 422)
                .path("rule").asString()).isEqualTo("REG-02");
        assertThat(problem(call(TestCaller.CENTRAL, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + shares + "\",\"registeredProvince\":\"99\",\"name\":\"Nowhere Co.\"}")),
                422).path("rule").asString()).isEqualTo("REG-02");
        assertNothingFor(shares, audit);
    }

    // =================================================================================================================
    // e) REG-04: controller group; personal data
    // =================================================================================================================

    @Test
    void reg04_groupShowsMembersOutOfScopeOnlyAsCodeNameAndProvince() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String controllerId = idNumber();
        String g3RepresentativeId = idNumber();
        String controller = "{\"name\":\"Wang Wu\",\"type\":\"PERSON\",\"idNumber\":\"" + controllerId + "\"}";
        Registered g1 = register(TestCaller.ZJ_OFFICER, "33", "Group " + n + " One Co.", null,
                "\"actualControllers\":[" + controller + "]");
        Registered g2 = register(TestCaller.ZJ_HEAD_FINANCE, "33", "Group " + n + " Two Co.", null,
                "\"actualControllers\":[" + controller + "]");
        Registered g3 = register(TestCaller.GD_OFFICER, "44", "Group " + n + " Three Co.", null,
                "\"actualControllers\":[" + controller + "],\"legalRepresentative\":{\"name\":\"Zhao Liu\","
                        + "\"idNumber\":\"" + g3RepresentativeId + "\"}");
        Registered byNameOnly = register(TestCaller.ZJ_OFFICER, "33", "Group " + n + " Name Only Co.", null,
                "\"actualControllers\":[{\"name\":\"Wang Wu\",\"type\":\"PERSON\"}]");

        MockHttpServletResponse response = ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + g1.id() + "/group")));
        JsonNode group = read(response);

        assertThat(group.path("institutionId").asString()).isEqualTo(g1.id());
        assertThat(group.path("controllers").get(0).path("idNumber").asString()).isEqualTo(controllerId);
        Map<String, JsonNode> members = membersByCode(group);
        assertThat(members).containsOnlyKeys(g1.creditCode(), g2.creditCode(), g3.creditCode());
        assertThat(members.get(g1.creditCode()).path("id").asString()).isEqualTo(g1.id());
        assertThat(members.get(g1.creditCode()).path("inScope").asBoolean()).isTrue();
        assertThat(members.get(g2.creditCode()).path("id").asString()).isEqualTo(g2.id());
        assertThat(members.get(g2.creditCode()).path("inScope").asBoolean()).isTrue();
        assertThat(members.get(g2.creditCode()).path("status").asString()).isEqualTo("OPERATING");
        JsonNode outside = members.get(g3.creditCode());
        assertThat(outside.path("id").isNull()).isTrue();
        assertThat(outside.path("inScope").asBoolean()).isFalse();
        assertThat(outside.path("name").asString()).isEqualTo(g3.name());
        assertThat(outside.path("registeredProvince").asString()).isEqualTo("44");
        assertThat(outside.path("status").isNull()).isTrue();
        assertThat(outside.path("crossRegion").isNull()).isTrue();
        assertThat(body(response)).doesNotContain(g3.id(), g3RepresentativeId, "Address of " + g3.name(),
                byNameOnly.creditCode());
        // the out-of-scope member stays out of reach
        problem(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + g3.id())), 404);

        // a controller known only by name links nothing
        JsonNode lonely = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + byNameOnly.id() + "/group"))));
        assertThat(membersByCode(lonely)).containsOnlyKeys(byNameOnly.creditCode());

        // from Guangdong the Zhejiang members are the ones outside
        Map<String, JsonNode> fromGd = membersByCode(read(ok(call(TestCaller.GD_OFFICER,
                get(BASE + "/" + g3.id() + "/group")))));
        assertThat(fromGd).containsOnlyKeys(g1.creditCode(), g2.creditCode(), g3.creditCode());
        assertThat(fromGd.get(g3.creditCode()).path("inScope").asBoolean()).isTrue();
        assertThat(fromGd.get(g1.creditCode()).path("inScope").asBoolean()).isFalse();
        assertThat(fromGd.get(g1.creditCode()).path("id").isNull()).isTrue();

        // central sees the whole group in scope
        Map<String, JsonNode> fromCentral = membersByCode(read(ok(call(TestCaller.CENTRAL,
                get(BASE + "/" + g1.id() + "/group")))));
        assertThat(fromCentral.values()).allSatisfy(m -> assertThat(m.path("inScope").asBoolean()).isTrue());

        // the list's controller filter respects the scope too
        JsonNode listed = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE).param("controller", controllerId))));
        assertThat(listed.path("content").values()).extracting(m -> m.path("creditCode").asString())
                .containsExactlyInAnyOrder(g1.creditCode(), g2.creditCode());
        JsonNode byName = read(ok(call(TestCaller.ZJ_OFFICER, get(BASE).param("controller", "Wang Wu"))));
        assertThat(byName.path("totalElements").asLong()).isZero();
    }

    @Test
    void reg04_aRegisteredControllerAndTheFilesItControlsFormAGroup() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        Registered parent = register(TestCaller.ZJ_OFFICER, "33", "Parent " + n + " Holding Co.", null);
        Registered child = register(TestCaller.ZJ_OFFICER, "33", "Parent " + n + " Offline Store Co.", null,
                "\"entityKind\":\"OFFLINE_ENTITY\",\"actualControllers\":[{\"name\":\"Parent Holding\","
                        + "\"type\":\"ENTITY\",\"creditCode\":\"" + parent.creditCode() + "\"}]");

        assertThat(membersByCode(read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + parent.id() + "/group"))))))
                .containsOnlyKeys(parent.creditCode(), child.creditCode());
        assertThat(membersByCode(read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + child.id() + "/group"))))))
                .containsOnlyKeys(parent.creditCode(), child.creditCode());
    }

    @Test
    void reg02_identityNumbersAreMaskedForBusinessPlaceReadersAndShownToTheOwnerAndCentral() throws Exception {
        String representative = idNumber();
        String controller = idNumber();
        String shareholder = idNumber();
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Mask " + SEQUENCE.incrementAndGet() + " Co.", "44",
                "\"legalRepresentative\":{\"name\":\"Zhang San\",\"idNumber\":\"" + representative + "\"},"
                        + "\"actualControllers\":[{\"name\":\"Wang Wu\",\"type\":\"PERSON\",\"idNumber\":\""
                        + controller + "\"}],"
                        + "\"shareholders\":[{\"name\":\"Li Si\",\"type\":\"PERSON\",\"sharePercent\":\"30\","
                        + "\"idNumber\":\"" + shareholder + "\"}]");

        for (TestCaller full : List.of(TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_FINANCE, TestCaller.CENTRAL)) {
            JsonNode file = read(ok(call(full, get(BASE + "/" + r.id()))));
            assertThat(file.path("legalRepresentative").path("idNumber").asString()).as(full.username())
                    .isEqualTo(representative);
            assertThat(file.path("actualControllers").get(0).path("idNumber").asString()).isEqualTo(controller);
            assertThat(file.path("shareholders").get(0).path("idNumber").asString()).isEqualTo(shareholder);
            JsonNode group = read(ok(call(full, get(BASE + "/" + r.id() + "/group"))));
            assertThat(group.path("controllers").get(0).path("idNumber").asString()).isEqualTo(controller);
        }

        MockHttpServletResponse gdFile = ok(call(TestCaller.GD_OFFICER, get(BASE + "/" + r.id())));
        JsonNode masked = read(gdFile);
        assertThat(masked.path("legalRepresentative").path("idNumber").asString()).isEqualTo(mask(representative));
        assertThat(masked.path("actualControllers").get(0).path("idNumber").asString()).isEqualTo(mask(controller));
        assertThat(masked.path("shareholders").get(0).path("idNumber").asString()).isEqualTo(mask(shareholder));
        assertThat(masked.path("access").asString()).isEqualTo("READ");
        for (String path : List.of("", "/group", "/history/1", "/history/1/diff", "/history")) {
            MockHttpServletResponse response = ok(call(TestCaller.GD_OFFICER, get(BASE + "/" + r.id() + path)));
            assertThat(body(response)).as("gd reads " + path).doesNotContain(representative, controller, shareholder);
        }
        JsonNode gdGroup = read(ok(call(TestCaller.GD_OFFICER, get(BASE + "/" + r.id() + "/group"))));
        assertThat(gdGroup.path("controllers").get(0).path("idNumber").asString()).isEqualTo(mask(controller));
    }

    // =================================================================================================================
    // f) AUTH-07: audit trail
    // =================================================================================================================

    @Test
    void auth07_everyWriteLeavesOneAuditEntryWithWhoAndWhat() throws Exception {
        Registered r = register(TestCaller.ZJ_OFFICER, "33", "Audit " + SEQUENCE.incrementAndGet() + " Co.", null);
        patchOk(TestCaller.ZJ_HEAD_FINANCE, r, 1, "{\"custodyBank\":\"Bank A\",\"reason\":\"custody contract\"}");
        verifyOk(TestCaller.ZJ_OFFICER, r, 2);
        MockHttpServletResponse attested = call(TestCaller.ZJ_OFFICER, post(BASE + "/" + r.id() + "/attestation")
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"3\"").content(attestationBody()));
        assertThat(attested.getStatus()).as(body(attested)).isEqualTo(201);
        assertThat(read(attested).path("verificationState").asString()).isEqualTo("CONFIRMED");
        // refused writes leave nothing
        call(TestCaller.GD_OFFICER, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH).header("If-Match", "\"4\"")
                .content("{\"custodyBank\":\"Bank B\"}"));
        call(TestCaller.CENTRAL, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH).header("If-Match", "\"4\"")
                .content("{\"custodyBank\":\"Bank B\"}"));
        call(TestCaller.ZJ_OFFICER, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .content("{\"custodyBank\":\"Bank B\"}"));

        List<AuditEntry> trail = mongo.find(Query.query(Criteria.where("entityType").is("institution")
                .and("entityId").is(r.id())).with(org.springframework.data.domain.Sort.by("at", "_id")),
                AuditEntry.class, "audit_trail");

        assertThat(trail).extracting(AuditEntry::action).containsExactlyInAnyOrder("REGISTER", "AMEND", "VERIFY", "ATTEST");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.province()).isEqualTo("33");
            assertThat(e.agency()).isEqualTo("FINANCIAL_OFFICE");
            assertThat(e.at()).isBetween(java.time.Instant.parse("2017-06-01T00:00:00Z"),
                    java.time.Instant.parse("2017-06-02T00:00:00Z"));
        });
        Map<String, AuditEntry> byAction = new LinkedHashMap<>();
        trail.forEach(e -> byAction.put(e.action(), e));
        assertThat(byAction.get("REGISTER").username()).isEqualTo("zj-officer");
        assertThat(byAction.get("REGISTER").userId()).isEqualTo("id-zj-officer");
        assertThat(byAction.get("AMEND").username()).isEqualTo("zj-head-finance");
        assertThat(byAction.get("AMEND").roles()).containsExactlyInAnyOrder("provincial-officer", "provincial-head");
        assertThat(byAction.get("AMEND").reason()).isEqualTo("custody contract");
        assertThat(byAction.get("AMEND").before()).isInstanceOfSatisfying(Map.class,
                before -> assertThat(before).containsOnlyKeys("custodyBank"));
        assertThat(byAction.get("AMEND").after()).isInstanceOfSatisfying(Map.class,
                after -> assertThat(after).containsEntry("custodyBank", "Bank A").containsOnlyKeys("custodyBank"));
        assertThat(byAction.get("VERIFY").username()).isEqualTo("zj-officer");
        assertThat(byAction.get("ATTEST").username()).isEqualTo("zj-officer");
    }

    @Test
    void auth07_centralRegistrationIsAuditedWithoutProvince() throws Exception {
        Registered r = register(TestCaller.CENTRAL, "11", "Central Audit " + SEQUENCE.incrementAndGet() + " Co.", null);

        List<AuditEntry> trail = mongo.find(Query.query(Criteria.where("entityId").is(r.id())), AuditEntry.class,
                "audit_trail");

        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("REGISTER");
            assertThat(e.username()).isEqualTo("central");
            assertThat(e.province()).isNull();
            assertThat(e.roles()).containsExactly("central-regulator");
        });
    }

    // =================================================================================================================
    // helpers
    // =================================================================================================================

    record Registered(String id, String creditCode, String name, String etag) {
    }

    private static String reportBody() {
        return """
                {"period":"2017-04","loanBalance":"1250000.00","lenders":120,"borrowers":60,"newLending":"100000.00",
                 "overdueAmount":"1000.00","overdueRate":"1.50",
                 "products":[{"name":"12-month plan","termMonths":12,"compositeYield":"9.80"}]}""";
    }

    private void reportOk(TestCaller owner, Registered r) throws Exception {
        MockHttpServletResponse response = call(owner, post(BASE + "/" + r.id() + "/reports")
                .contentType(MediaType.APPLICATION_JSON).content(reportBody()));
        assertThat(response.getStatus()).as(body(response)).isEqualTo(201);
    }

    private Registered register(TestCaller who, String province, String name, String branchProvince) throws Exception {
        return register(who, province, name, branchProvince, null);
    }

    private Registered register(TestCaller who, String province, String name, String branchProvince, String extra)
            throws Exception {
        String code = newCreditCode();
        String body = registrationBody(code, province, name, branchProvince);
        if (extra != null) {
            body = body.substring(0, body.length() - 1) + "," + extra + "}";
        }
        MockHttpServletResponse response = call(who, post(BASE).contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(response.getStatus()).as("register %s: %s", name, body(response)).isEqualTo(201);
        JsonNode file = read(response);
        assertThat(response.getHeader("Location")).isEqualTo(BASE + "/" + file.path("id").asString());
        return new Registered(file.path("id").asString(), code, name, response.getHeader("ETag"));
    }

    private String registrationBody(String code, String province, String name, String branchProvince) {
        StringBuilder body = new StringBuilder("{\"creditCode\":\"").append(code)
                .append("\",\"registeredProvince\":\"").append(province)
                .append("\",\"name\":\"").append(name)
                .append("\",\"registeredAddress\":\"Address of ").append(name)
                .append("\",\"registeredCapital\":\"1000000\",\"establishedOn\":\"2014-03-01\"")
                .append(",\"lendingStartedOn\":\"2014-06-01\",\"source\":\"INDUSTRY_DATABASE\"");
        if (branchProvince != null) {
            body.append(",\"branches\":[{\"name\":\"Branch of ").append(name).append("\",\"province\":\"")
                    .append(branchProvince).append("\",\"city\":\"City\",\"address\":\"1 Branch Road\"}]");
        }
        return body.append('}').toString();
    }

    private MockHttpServletResponse patchOk(TestCaller who, Registered r, long version, String body) throws Exception {
        MockHttpServletResponse response = call(who, patch(BASE + "/" + r.id()).contentType(MERGE_PATCH)
                .header("If-Match", "\"" + version + "\"").content(body));
        assertThat(response.getStatus()).as("patch: " + body(response)).isEqualTo(200);
        return response;
    }

    private void verifyOk(TestCaller who, Registered r, long version) throws Exception {
        MockHttpServletResponse response = call(who, post(BASE + "/" + r.id() + "/verifications")
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"" + version + "\"")
                .content(verificationBody()));
        assertThat(response.getStatus()).as("verify: " + body(response)).isEqualTo(201);
        assertThat(read(response).path("verificationState").asString()).isEqualTo("IN_VERIFICATION");
    }

    private static String verificationBody() {
        return "{\"method\":\"PHONE_CONTACT\",\"date\":\"2017-05-31\",\"outcome\":\"Confirmed by phone\","
                + "\"confirmed\":[\"name\"]}";
    }

    private static String attestationBody() {
        return "{\"signedBy\":\"Zhang San\",\"position\":\"LEGAL_REPRESENTATIVE\",\"signedOn\":\"2017-06-01\","
                + "\"documentReference\":\"SIGNED-2017-001\"}";
    }

    private MockHttpServletResponse call(TestCaller who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(who.auth())).andReturn().getResponse();
    }

    private MockHttpServletResponse ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(body(response)).isEqualTo(200);
        return response;
    }

    /** The current version as central (who reads everything) sees it. */
    private long currentVersion(Registered r) throws Exception {
        return read(ok(call(TestCaller.CENTRAL, get(BASE + "/" + r.id())))).path("version").asLong();
    }

    private List<JsonNode> history(Registered r) throws Exception {
        return new ArrayList<>(read(ok(call(TestCaller.ZJ_OFFICER, get(BASE + "/" + r.id() + "/history")))).values());
    }

    /** path → [before, after] (JSON text of scalars, {@code null} when absent). */
    private static Map<String, List<String>> changes(JsonNode diff) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (JsonNode change : diff.path("changes")) {
            List<String> pair = new ArrayList<>();
            pair.add(scalar(change.get("before")));
            pair.add(scalar(change.get("after")));
            changes.put(change.path("path").asString(), pair);
        }
        return changes;
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asString() : node.toString();
    }

    private static Map<String, JsonNode> membersByCode(JsonNode group) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (JsonNode member : group.path("members")) {
            members.put(member.path("creditCode").asString(), member);
        }
        return members;
    }

    private long auditCount(String id) {
        return mongo.count(Query.query(Criteria.where("entityType").is("institution").and("entityId").is(id)),
                "audit_trail");
    }

    private long totalAudit() {
        return mongo.getCollection("audit_trail").countDocuments();
    }

    private void assertNothingFor(String code, long auditBefore) throws Exception {
        if (CreditCode.isValid(code)) {
            String id = InstitutionFile.idFor(CreditCode.parse(code));
            problem(call(TestCaller.CENTRAL, get(BASE + "/" + id)), 404);
            assertThat(mongo.count(Query.query(Criteria.where("institutionId").is(id)), "institution_versions")).isZero();
        }
        assertThat(mongo.count(Query.query(Criteria.where("creditCode").is(code)), "institutions")).isZero();
        assertThat(totalAudit()).isEqualTo(auditBefore);
    }

    private void assertProblem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = problem(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith("urn:p2p-supervision:problem:");
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(body(response)).isEqualTo(status);
        assertProblem(response, status);
        return problem(response);
    }

    private JsonNode problem(MockHttpServletResponse response) throws Exception {
        return read(response);
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(body(response));
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String newCreditCode() {
        String body = "91AP" + String.format("%013d", SEQUENCE.incrementAndGet());
        return body + CreditCode.checkCharacter(body);
    }

    private static String idNumber() {
        return "330106" + String.format("%012d", SEQUENCE.incrementAndGet() % 1_000_000_000_000L);
    }

    private static String mask(String number) {
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }
}
