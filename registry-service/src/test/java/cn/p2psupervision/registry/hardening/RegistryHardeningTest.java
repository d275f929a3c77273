package cn.p2psupervision.registry.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
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

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * Issue 6's defects, one named regression test per class of input: each reproduces what a hostile client did to the
 * registry and asserts the answer is a 4xx problem naming the member, with no Java name and nothing written.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class RegistryHardeningTest {

    static final String BASE = "/api/v1/registry/institutions";
    static final Pattern JAVA_NAMES = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.bson|com\\.mongodb"
                    + "|cn\\.p2psupervision|Exception|Cannot deserialize|No enum constant");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    // ---- wrong JSON types where text is read -------------------------------------------------------------------

    @Test
    void anObjectWhereAStringIsReadIsA400NamingTheMember() throws Exception {
        Registered file = register();
        Writes before = writes();

        assertInvalid(send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.id()).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"1\"").content("{\"name\":\"New name\",\"reason\":{\"a\":1}}")), "reason", "a string");
        assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":{\"$gt\":\"\"},\"registeredProvince\":\"33\",\"name\":\"X\"}")),
                "creditCode", "a string");
        assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registration(TestCodes.next("91330100"), "{\"a\":1}"))), "name", "a string");
        assertThat(writes()).isEqualTo(before);
    }

    // ---- dates ------------------------------------------------------------------------------------------------

    @Test
    void datesAtTheEdgesOfTheCalendarAreRefusedLikeYearZero() throws Exception {
        Writes before = writes();
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "1899-12-31", "2017-02-30")) {
            String body = registration(TestCodes.next("91330100"), "\"Edge Lending\"")
                    .replace("\"2014-03-01\"", "\"" + date + "\"");
            assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON).content(body)),
                    "establishedOn", "date");
        }
        Registered file = register();
        assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE + "/" + file.id() + "/verifications")
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                .content("{\"method\":\"PHONE_CONTACT\",\"date\":\"-999999999-01-01\",\"outcome\":\"x\"}")),
                "date", "yyyy-MM-dd");
        assertInvalid(send(TestCaller.INTERNAL, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/internal/registry/institutions/" + file.id() + "/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"BANNED\",\"context\":\"CLASSIFICATION\",\"reference\":\"D-1\","
                        + "\"decidedOn\":\"+999999999-12-31\"}")), "decidedOn", "yyyy-MM-dd");
        assertInvalid(send(TestCaller.CENTRAL, get("/api/v1/registry/statistics").queryParam("asOf", "-999999999-01")),
                "asOf", "yyyy-MM");
        assertThat(writes().versions()).isEqualTo(before.versions() + 1);
    }

    // ---- query strings ------------------------------------------------------------------------------------------

    @Test
    void nulAndBrokenPercentEncodingInAQueryAre400() throws Exception {
        assertInvalid(send(TestCaller.ZJ_OFFICER, rawQuery(get(BASE), "namePrefix=%00")), "namePrefix", "control");
        assertInvalid(send(TestCaller.ZJ_OFFICER, rawQuery(get(BASE), "province=%ff")), "province", "UTF-8");
        assertInvalid(send(TestCaller.ZJ_OFFICER, rawQuery(get("/api/v1/registry/statistics"), "asOf=%e4")), "asOf",
                "UTF-8");
    }

    @Test
    void aSortOfOnlyACommaIs400() throws Exception {
        assertInvalid(send(TestCaller.ZJ_OFFICER, get(BASE).queryParam("sort", ",")), "sort", "must be one of");
        assertInvalid(send(TestCaller.ZJ_OFFICER, get(BASE).queryParam("sort", "name,upwards")), "sort", "direction");
    }

    @Test
    void pagingPastTheEndIsRefusedInsteadOfOverflowingToTheFirstPage() throws Exception {
        register();
        assertInvalid(send(TestCaller.ZJ_OFFICER, get(BASE).queryParam("page", "858993459").queryParam("size", "5")),
                "page", "beyond the first 1000000 records");
        JsonNode lastPages = ok(send(TestCaller.ZJ_OFFICER, get(BASE).queryParam("page", "9999").queryParam("size", "100")));
        assertThat(lastPages.path("content")).isEmpty();
    }

    // ---- reserved words where an id is expected -------------------------------------------------------------------

    @Test
    void reg01_reservedWordsWhereAnIdIsExpectedAreA400NotAnAmbiguousMapping() throws Exception {
        for (String path : List.of("/by-code/history", "/by-code/group", "/by-code/reports")) {
            MockHttpServletResponse response = send(TestCaller.ZJ_OFFICER, get(BASE + path));
            JsonNode problem = assertInvalid(response, "creditCode", "");
            assertThat(problem.path("rule").asString()).isEqualTo("REG-01");
        }
        assertThat(send(TestCaller.ZJ_OFFICER, get(BASE + "/history")).getStatus()).isEqualTo(404);
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    @Test
    void aHugeExponentAsANumberIs400() throws Exception {
        Registered file = register();
        Writes before = writes();
        assertInvalid(report(file, report("2017-04", "1e2147483647", "120")), "loanBalance", "plain notation");
        assertInvalid(report(file, report("2017-04", "\"1250000.00\"", "1e2147483647")), "lenders", "whole number");
        assertInvalid(send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.id()).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"1\"").content("{\"registeredCapital\":1e2147483647}")), "registeredCapital",
                "plain notation");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void reg03_moneySentAsAJsonNumberIsStoredExactly() throws Exception {
        Registered file = register();

        JsonNode stored = read(report(file, report("2017-04", "987654321098765.43", "120")));
        JsonNode patched = ok(send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.id())
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                .content("{\"registeredCapital\": 987654321098765.43}")));

        assertThat(stored.path("loanBalance").asString()).isEqualTo("987654321098765.43");
        assertThat(patched.path("registeredCapital").asString()).isEqualTo("987654321098765.43");
        JsonNode series = ok(send(TestCaller.ZJ_OFFICER, get(BASE + "/" + file.id() + "/reports")));
        assertThat(series.get(0).path("loanBalance").asString()).isEqualTo("987654321098765.43");
    }

    @Test
    void reg03_reportsRefuseUnknownMembersEndpointOnlySourcesAndFractionalCounts() throws Exception {
        Registered file = register();
        Writes before = writes();
        assertInvalid(report(file, report("2017-04", "\"1.00\"", "1").replace("{", "{\"colour\":\"red\",")), "colour",
                "not a member");
        assertInvalid(report(file, report("2017-04", "\"1.00\"", "1").replace("{", "{\"source\":\"VERIFICATION\",")),
                "source", "own endpoint");
        assertInvalid(report(file, report("2017-04", "\"1.00\"", "1").replace("{",
                "{\"source\":\"SUPERVISORY_DECISION\",")), "source", "own endpoint");
        assertInvalid(report(file, report("2017-04", "\"1.00\"", "1.5")), "lenders", "whole number");
        assertInvalid(report(file, "{\"period\":\"2017-04\",\"loanBalance\":\"1.00\",\"borrowers\":1,"
                + "\"newLending\":\"0.00\"}"), "lenders", "is required");
        assertThat(writes()).isEqualTo(before);
    }

    // ---- sizes ------------------------------------------------------------------------------------------------

    @Test
    void everyStringAndListHasALimit() throws Exception {
        Registered file = register();
        Writes before = writes();
        StringBuilder confirmed = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            confirmed.append(i == 0 ? "" : ",").append("\"name\"");
        }
        assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE + "/" + file.id() + "/verifications")
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                .content("{\"method\":\"PHONE_CONTACT\",\"date\":\"2017-05-31\",\"outcome\":\"x\",\"confirmed\":"
                        + confirmed + "]}")), "confirmed", "size must be between 0 and 15");
        assertInvalid(send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.id()).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"1\"").content("{\"name\":\"N\",\"reason\":\"" + "r".repeat(5000) + "\"}")),
                "reason", "at most 2000 characters");
        MockHttpServletResponse megabyte = send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.id())
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                .content("{\"name\":\"N\",\"reason\":\"" + "r".repeat(1_100_000) + "\"}"));
        assertThat(megabyte.getStatus()).isEqualTo(413);
        assertThat(megabyte.getContentType()).startsWith("application/problem+json");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateOrANulInANameIsRefusedNotReplaced() throws Exception {
        Writes before = writes();
        for (String name : List.of("\"Lending\\ud800 Co\"", "\"Lending\\udc00\"", "\"Lending\\u0000Co\"")) {
            assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                    .content(registration(TestCodes.next("91330100"), name))), "name", "");
        }
        assertThat(writes()).isEqualTo(before);
    }

    // ---- imports ----------------------------------------------------------------------------------------------

    @Test
    void reg05_aCsvThatIsNotUtf8IsRefusedWholeBeforeAnyRowIsApplied() throws Exception {
        String good = TestCodes.next("91330100");
        String bad = TestCodes.next("91330100");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(("creditCode,name,registeredProvince\n" + good + ",Good Lending,33\n" + bad + ",Caf")
                .getBytes(StandardCharsets.UTF_8));
        csv.write(0xe9); // Latin-1 é
        csv.writeBytes(" Lending,33\n".getBytes(StandardCharsets.UTF_8));

        MockHttpServletResponse response = send(TestCaller.CENTRAL, post("/api/v1/registry/imports")
                .contentType("text/csv").content(csv.toByteArray()));

        assertInvalid(response, "file", "not UTF-8");
        assertThat(send(TestCaller.CENTRAL, get(BASE + "/" + good)).getStatus()).isEqualTo(404);
    }

    @Test
    void reg05_aJsonImportRowOfTheWrongShapeIsRejectedAndTheGoodRowsAreApplied() throws Exception {
        String first = TestCodes.next("91330100");
        String wrongType = TestCodes.next("91330100");
        String last = TestCodes.next("91330100");
        String body = "[" + row(first, "\"First\"") + ", 42, \"text\", " + row(wrongType, "{\"a\":1}") + ", "
                + row(last, "\"Last\"") + "]";

        JsonNode job = importAndWait(body);

        assertThat(job.path("state").asString()).isEqualTo("DONE");
        assertThat(job.path("counts").path("CREATED").asLong()).isEqualTo(2);
        assertThat(job.path("counts").path("REJECTED").asLong()).isEqualTo(3);
        JsonNode rejected = ok(send(TestCaller.CENTRAL, get("/api/v1/registry/imports/" + job.path("id").asString()
                + "/rows").queryParam("outcome", "REJECTED")));
        assertThat(rejected.get(0).path("reasons").get(0).asString()).contains("not a JSON object");
        assertThat(rejected.get(2).path("reasons").get(0).asString()).isEqualTo("name must be a string");
        assertThat(rejected.toString()).doesNotContainPattern(JAVA_NAMES);
        assertThat(send(TestCaller.CENTRAL, get(BASE + "/" + last)).getStatus()).isEqualTo(200);
    }

    @Test
    void reg05_aJsonFileThatIsNotJsonIsRefusedBeforeAnyRow() throws Exception {
        String good = TestCodes.next("91330100");
        MockHttpServletResponse response = send(TestCaller.CENTRAL, post("/api/v1/registry/imports")
                .contentType(MediaType.APPLICATION_JSON).content("[" + row(good, "\"Good\"") + ", {\"creditCode\": ]"));

        assertInvalid(response, "file", "not valid JSON");
        assertThat(send(TestCaller.CENTRAL, get(BASE + "/" + good)).getStatus()).isEqualTo(404);
    }

    // ---- error wording --------------------------------------------------------------------------------------------

    @Test
    void errorDetailsNameTheMemberAndTheChoicesNeverAJavaType() throws Exception {
        JsonNode status = assertInvalid(send(TestCaller.ZJ_OFFICER, get(BASE).queryParam("status", "ROBOT")), "status",
                "must be one of [OPERATING");
        assertThat(status.toString()).doesNotContain("InstitutionStatus");
        assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registration(TestCodes.next("91330100"), "\"X\"").replace("INDUSTRY_DATABASE", "GOSSIP"))),
                "source", "must be one of [INDUSTRY_DATABASE");
        assertInvalid(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registration(TestCodes.next("91330100"), "\"X\"").replace("}", ",\"entityKind\":\"BANK\"}"))),
                "entityKind", "must be one of [ONLINE_PLATFORM");
    }

    // ---- retries and idempotency ------------------------------------------------------------------------------------

    @Test
    void reg07_aPatchRetryAnswersTheSameWhetherItNamesTheFileByIdOrByCreditCode() throws Exception {
        Registered file = register();
        String change = "{\"registeredAddress\":\"2 New Road\"}";

        JsonNode byId = ok(send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.id())
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"").content(change)));
        JsonNode byCode = ok(send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + file.creditCode())
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"").content(change)));

        assertThat(byId.path("version").asLong()).isEqualTo(2);
        assertThat(byCode.path("version").asLong()).isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("institutionId").is(file.id())), "institution_versions"))
                .isEqualTo(2);
    }

    @Test
    void reg07_anIdempotencyKeyReusedWithAnotherBodyIsA422NamingTheKey() throws Exception {
        String firstCode = TestCodes.next("91330100");
        String otherCode = TestCodes.next("91330100");
        MockHttpServletResponse created = send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "reg-42").content(registration(firstCode, "\"Keyed Lending\"")));
        MockHttpServletResponse retried = send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "reg-42").content(registration(firstCode, "\"Keyed Lending\"")));
        MockHttpServletResponse reused = send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "reg-42").content(registration(firstCode, "\"Another Lending\"")));
        MockHttpServletResponse reusedElsewhere = send(TestCaller.ZJ_OFFICER, post(BASE)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "reg-42")
                .content(registration(otherCode, "\"Other Lending\"")));

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(read(retried).path("name").asString()).isEqualTo("Keyed Lending");
        JsonNode problem = problem(reused, 422);
        assertThat(problem.path("type").asString()).isEqualTo("urn:p2p-supervision:problem:idempotency-key-reused");
        assertThat(problem.path("idempotencyKey").asString()).isEqualTo("reg-42");
        assertThat(ok(send(TestCaller.ZJ_OFFICER, get(BASE + "/" + firstCode))).path("name").asString())
                .isEqualTo("Keyed Lending");
        // a body about another record is still another body: the key is the caller's, not the record's
        assertThat(problem(reusedElsewhere, 422).path("idempotencyKey").asString()).isEqualTo("reg-42");
        assertThat(send(TestCaller.ZJ_OFFICER, get(BASE + "/" + otherCode)).getStatus()).isEqualTo(404);

        String id = read(created).path("id").asString();
        MockHttpServletResponse patched = send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + id)
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"").header("Idempotency-Key", "p-1")
                .content("{\"registeredAddress\":\"A\"}"));
        MockHttpServletResponse patchReused = send(TestCaller.ZJ_OFFICER, patch(BASE + "/" + id)
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"").header("Idempotency-Key", "p-1")
                .content("{\"registeredAddress\":\"B\"}"));
        assertThat(patched.getStatus()).isEqualTo(200);
        assertThat(problem(patchReused, 422).path("idempotencyKey").asString()).isEqualTo("p-1");
        assertThat(ok(send(TestCaller.ZJ_OFFICER, get(BASE + "/" + id))).path("registeredAddress").asString())
                .isEqualTo("A");
    }

    @Test
    void reg07_aRequestRefusedByValidationLeavesItsIdempotencyKeyFreeForTheCorrectedOne() throws Exception {
        String code = TestCodes.next("91330100");
        MockHttpServletResponse refused = send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "fix-me").content(registration(code, "\"\"")));
        MockHttpServletResponse corrected = send(TestCaller.ZJ_OFFICER, post(BASE)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "fix-me")
                .content(registration(code, "\"Corrected Lending\"")));

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(corrected.getStatus()).as(corrected.getContentAsString()).isEqualTo(201);
    }

    @Test
    void reg03_aReportPeriodOutsideTheCampaignCenturiesIsRefusedLikeAnyMonth() throws Exception {
        Registered file = register();
        assertInvalid(report(file, report("0001-01", "\"1.00\"", "1")), "period", "between 1900-01 and 2099-12");
    }

    @Test
    void anOverlongDecimalStringIsRefusedBeforeItIsParsed() throws Exception {
        Registered file = register();
        assertInvalid(report(file, report("2017-04", "\"" + "9".repeat(200_000) + "\"", "1")), "loanBalance",
                "at most 18 digits");
    }

    @Test
    void reg05_aCsvWithAnUnterminatedQuoteIsRefusedAtUpload() throws Exception {
        String good = TestCodes.next("91330100");
        String csv = "creditCode,name,registeredProvince\n" + good + ",Good Lending,33\n" + TestCodes.next("91330100")
                + ",\"Broken Lending,33\n" + "x".repeat(CsvChunk.SIZE) + "\n";

        assertInvalid(send(TestCaller.CENTRAL, post("/api/v1/registry/imports").contentType("text/csv").content(csv)),
                "file", "unterminated quote");
        assertThat(send(TestCaller.CENTRAL, get(BASE + "/" + good)).getStatus()).isEqualTo(404);
    }

    /** A chunk longer than any CSV field may be. */
    private static final class CsvChunk {
        static final int SIZE = 100_001;
    }

    @Test
    void reg03_auth07_aReportsAuditEntryIsWrittenExactlyOnceEvenAfterACrashBetweenInsertAndAudit() throws Exception {
        Registered file = register();
        // the process died right after inserting the revision: no figures, no audit entry yet
        mongo.insert(new org.bson.Document("_id", file.id() + ":2017-04:1").append("institutionId", file.id())
                .append("period", "2017-04").append("revision", 1)
                .append("loanBalance", new org.bson.types.Decimal128(new java.math.BigDecimal("1.00")))
                .append("lenders", 1L).append("borrowers", 1L)
                .append("newLending", new org.bson.types.Decimal128(new java.math.BigDecimal("0.00")))
                .append("products", List.of()).append("source", "INSTITUTION").append("submittedBy", "zj-officer")
                .append("submittedProvince", "33").append("submittedAt", java.util.Date.from(Instant.parse("2017-06-01T01:00:00Z"))),
                "operating_reports");

        MockHttpServletResponse retry = report(file, report("2017-04", "\"1.00\"", "1"));
        MockHttpServletResponse again = report(file, report("2017-04", "\"1.00\"", "1"));

        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("report:" + file.id() + ":2017-04:1")),
                "audit_trail")).isEqualTo(1);
        assertThat(ok(send(TestCaller.ZJ_OFFICER, get(BASE + "/" + file.id() + "/reports"))).size()).isEqualTo(1);
    }

    // =================================================================================================================

    record Registered(String id, String creditCode) {
    }

    /** How many records of each kind exist: a refused request must change none. */
    record Writes(long versions, long audit, long reports, long imports) {
    }

    Writes writes() {
        return new Writes(count("institution_versions"), count("audit_trail"), count("operating_reports"),
                count("imports"));
    }

    private long count(String collection) {
        return mongo.getCollection(collection).estimatedDocumentCount();
    }

    private Registered register() throws Exception {
        String code = TestCodes.next("91330100");
        JsonNode file = read(send(TestCaller.ZJ_OFFICER, post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content(registration(code, "\"Hardened Lending " + code + "\""))));
        return new Registered(file.path("id").asString(), code);
    }

    static String registration(String code, String nameJson) {
        return "{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":" + nameJson
                + ",\"registeredCapital\":\"1000000\",\"establishedOn\":\"2014-03-01\",\"source\":\"INDUSTRY_DATABASE\"}";
    }

    private static String row(String code, String nameJson) {
        return "{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":" + nameJson + "}";
    }

    static String report(String period, String loanBalance, String lenders) {
        return "{\"period\":\"" + period + "\",\"loanBalance\":" + loanBalance + ",\"lenders\":" + lenders
                + ",\"borrowers\":1,\"newLending\":\"0.00\"}";
    }

    private MockHttpServletResponse report(Registered file, String body) throws Exception {
        return send(TestCaller.ZJ_OFFICER, post(BASE + "/" + file.id() + "/reports")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode importAndWait(String body) throws Exception {
        MockHttpServletResponse started = send(TestCaller.CENTRAL, post("/api/v1/registry/imports")
                .contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        String location = started.getHeader("Location");
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            job[0] = read(send(TestCaller.CENTRAL, get(location)));
            return !List.of("QUEUED", "RUNNING").contains(job[0].path("state").asString());
        });
        return job[0];
    }

    /** Sets the query string as written (MockMvc would otherwise encode it again). */
    static MockHttpServletRequestBuilder rawQuery(MockHttpServletRequestBuilder request, String query) {
        return request.with(r -> {
            r.setQueryString(query);
            return r;
        });
    }

    private MockHttpServletResponse send(TestCaller caller, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private JsonNode assertInvalid(MockHttpServletResponse response, String member, String expected) throws Exception {
        JsonNode problem = problem(response, 400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:p2p-supervision:problem:validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(member);
        assertThat(problem.path("errors").get(0).path("message").asString()).contains(expected);
        return problem;
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).doesNotContainPattern(JAVA_NAMES);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return read(response);
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return json.readTree(response.getContentAsString());
    }
}
