package cn.p2psupervision.registry.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * Issue 6: the registry under generated hostile input, at the service (MockMvc, the service's whole filter chain and
 * handlers). Every write endpoint gets at least 2,000 malformed requests, every read endpoint 500, generated from a
 * fixed seed (the same table every run; change {@link #SEED} to explore). For each: no 5xx; a refusal is
 * {@code application/problem+json} without a Java name; a refused write leaves every collection as it was.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryInputFuzzTest {

    static final long SEED = 20161124L;
    static final int WRITES = 2000;
    static final int READS = 500;
    static final String BASE = "/api/v1/registry/institutions";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;

    /** The file the targeted requests aim at (Zhejiang's, so zj-officer may write it), and its current version. */
    String id;
    String code;
    long version;
    String importId;

    @BeforeAll
    void aFileToAimAt() throws Exception {
        code = TestCodes.next("91330100");
        MockHttpServletResponse created = send(TestCaller.ZJ_OFFICER, HttpMethod.POST, BASE, null,
                registration(code).getBytes(StandardCharsets.UTF_8), "application/json", null);
        JsonNode file = json.readTree(created.getContentAsString());
        id = file.path("id").asString();
        version = file.path("version").asLong();
        MockHttpServletResponse verified = send(TestCaller.ZJ_OFFICER, HttpMethod.POST, BASE + "/" + id + "/verifications",
                null, verification().getBytes(StandardCharsets.UTF_8), "application/json", "\"" + version + "\"");
        version = json.readTree(verified.getContentAsString()).path("version").asLong();
        MockHttpServletResponse imported = send(TestCaller.CENTRAL, HttpMethod.POST, "/api/v1/registry/imports", null,
                ("[" + registration(TestCodes.next("91330100")) + "]").getBytes(StandardCharsets.UTF_8),
                "application/json", null);
        importId = json.readTree(imported.getContentAsString()).path("id").asString();
        awaitImport(importId); // its rows are written in the background: done before any "nothing written" check
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Test
    void register() throws Exception {
        fuzzWrites("POST institutions", TestCaller.ZJ_OFFICER, HttpMethod.POST, () -> BASE,
                () -> registration(TestCodes.next("91330100")), "application/json", false);
    }

    @Test
    void amend() throws Exception {
        fuzzWrites("PATCH institution", TestCaller.ZJ_OFFICER, HttpMethod.PATCH, () -> BASE + "/" + id,
                () -> "{\"name\":\"Fuzzed Lending\",\"registeredAddress\":\"1 Road\",\"registeredCapital\":\"5000000.00\","
                        + "\"establishedOn\":\"2014-01-01\",\"branches\":[{\"name\":\"B\",\"province\":\"44\","
                        + "\"city\":\"Guangzhou\",\"address\":\"2 Road\"}],\"reason\":\"why\",\"source\":\"TIP_OFF\","
                        + "\"asOf\":\"2017-05-01\",\"status\":\"OPERATING\",\"inScope\":true}",
                "application/merge-patch+json", true);
    }

    @Test
    void verify() throws Exception {
        fuzzWrites("POST verifications", TestCaller.ZJ_OFFICER, HttpMethod.POST, () -> BASE + "/" + id + "/verifications",
                RegistryInputFuzzTest::verification, "application/json", true);
    }

    @Test
    void attest() throws Exception {
        fuzzWrites("POST attestation", TestCaller.ZJ_OFFICER, HttpMethod.POST, () -> BASE + "/" + id + "/attestation",
                () -> "{\"signedBy\":\"Zhang San\",\"position\":\"LEGAL_REPRESENTATIVE\",\"signedOn\":\"2017-05-31\","
                        + "\"documentReference\":\"SIGNED-1\"}", "application/json", true);
    }

    @Test
    void submitReport() throws Exception {
        String[] periods = {"2016-11", "2016-12", "2017-01", "2017-02", "2017-03", "2017-04", "2017-05"};
        int[] next = {0};
        fuzzWrites("POST reports", TestCaller.ZJ_OFFICER, HttpMethod.POST, () -> BASE + "/" + id + "/reports",
                () -> "{\"period\":\"" + periods[next[0]++ % periods.length] + "\",\"loanBalance\":\"1250000.00\","
                        + "\"lenders\":120,\"borrowers\":60,\"newLending\":\"100000.00\",\"overdueAmount\":\"1000.00\","
                        + "\"overdueRate\":\"1.50\",\"products\":[{\"name\":\"Plan\",\"termMonths\":12,"
                        + "\"compositeYield\":\"9.80\"}],\"reason\":\"correction\"}", "application/json", false);
    }

    @Test
    void changeStatus() throws Exception {
        fuzzWrites("PUT internal status", TestCaller.INTERNAL, HttpMethod.PUT,
                () -> "/internal/registry/institutions/" + id + "/status",
                () -> "{\"status\":\"SUSPENDED\",\"context\":\"INCIDENT\",\"reference\":\"E-1\","
                        + "\"decidedOn\":\"2017-05-01\",\"reason\":\"suspended\"}", "application/json", false);
    }

    @Test
    void importJsonAndCsv() throws Exception {
        HostileInputs hostile = new HostileInputs(SEED ^ 7);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            byte[] body;
            String type;
            if (i % 2 == 0) {
                type = "application/json";
                body = ("[" + new String(hostile.mutate(registration(TestCodes.next("91330100"))), StandardCharsets.UTF_8)
                        + "]").getBytes(StandardCharsets.UTF_8);
            } else {
                type = "text/csv";
                body = csv(hostile);
            }
            Writes before = writes();
            MockHttpServletResponse response = send(TestCaller.CENTRAL, HttpMethod.POST, "/api/v1/registry/imports",
                    i % 3 == 0 ? "kind=" + hostile.pick(List.of("REPORTS", "ROBOTS", "%ff", "")) : null, body, type, null);
            check("POST imports", i, body, response, before, failures);
            if (response.getStatus() == 202) {
                awaitImport(json.readTree(response.getContentAsString()).path("id").asString());
            }
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Test
    void list() throws Exception {
        fuzzReads("GET institutions", h -> BASE, h -> query(h, "page", "size", "sort", "province", "status", "crossRegion",
                "namePrefix", "controller"));
    }

    @Test
    void readFileByIdOrCode() throws Exception {
        fuzzReads("GET institution", h -> BASE + "/" + segment(h), h -> null);
        fuzzReads("GET institution by-code", h -> BASE + "/by-code/" + segment(h), h -> null);
    }

    @Test
    void groupAndHistory() throws Exception {
        fuzzReads("GET group", h -> BASE + "/" + segment(h) + "/group", h -> null);
        fuzzReads("GET history", h -> BASE + "/" + segment(h) + "/history", h -> null);
        fuzzReads("GET history version", h -> BASE + "/" + id + "/history/" + segment(h), h -> null);
        fuzzReads("GET history diff", h -> BASE + "/" + (h.random().nextBoolean() ? id : segment(h)) + "/history/"
                + segment(h) + "/diff", h -> null);
    }

    @Test
    void reports() throws Exception {
        fuzzReads("GET report series", h -> BASE + "/" + (h.random().nextBoolean() ? id : segment(h)) + "/reports",
                h -> query(h, "from", "to"));
        fuzzReads("GET report revisions", h -> BASE + "/" + id + "/reports/" + segment(h), h -> null);
    }

    @Test
    void statisticsAndImports() throws Exception {
        fuzzReads("GET statistics", h -> "/api/v1/registry/statistics", h -> query(h, "asOf"));
        fuzzReads("GET import", h -> "/api/v1/registry/imports/" + (h.random().nextBoolean() ? importId : segment(h)),
                h -> null);
        fuzzReads("GET import rows", h -> "/api/v1/registry/imports/" + importId + "/rows",
                h -> query(h, "outcome", "page", "size"));
    }

    // =================================================================================================================

    private void fuzzWrites(String name, TestCaller caller, HttpMethod method, Supplier<String> path,
                            Supplier<String> validBody, String contentType, boolean versioned) throws Exception {
        HostileInputs hostile = new HostileInputs(SEED ^ name.hashCode());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            byte[] body = hostile.mutate(validBody.get());
            String ifMatch = versioned ? ifMatch(hostile) : null;
            Writes before = writes();
            MockHttpServletResponse response = send(caller, method, path.get(), null, body, contentType, ifMatch);
            check(name, i, body, response, before, failures);
            if (response.getStatus() < 300 && response.getHeader("ETag") != null && path.get().contains(id)) {
                version = Long.parseLong(response.getHeader("ETag").replace("\"", ""));
            }
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    private void fuzzReads(String name, Function<HostileInputs, String> path, Function<HostileInputs, String> query)
            throws Exception {
        HostileInputs hostile = new HostileInputs(SEED ^ name.hashCode());
        TestCaller[] callers = {TestCaller.ZJ_OFFICER, TestCaller.GD_OFFICER, TestCaller.CENTRAL, TestCaller.AGENCY};
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            String rawPath = path.apply(hostile);
            String rawQuery = query.apply(hostile);
            MockHttpServletResponse response = send(callers[i % callers.length], HttpMethod.GET, rawPath, rawQuery, null,
                    null, null);
            check(name, i, (rawPath + (rawQuery == null ? "" : "?" + rawQuery)).getBytes(StandardCharsets.UTF_8),
                    response, null, failures);
        }
        assertThat(failures).as(summary(failures)).isEmpty();
    }

    /** No 5xx; a refusal is a problem without Java names; a refused write changed nothing. */
    private void check(String name, int i, byte[] request, MockHttpServletResponse response, Writes before,
                       List<String> failures) throws Exception {
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String problem = null;
        if (status >= 500) {
            problem = "status " + status;
        } else if (status >= 400 && (response.getContentType() == null
                || !response.getContentType().startsWith("application/problem+json"))) {
            problem = "status " + status + " with content type " + response.getContentType();
        } else if (status >= 400 && RegistryHardeningTest.JAVA_NAMES.matcher(body).find()) {
            problem = "a Java name in the answer";
        } else if (status >= 400 && before != null && !writes().equals(before)) {
            problem = "a refused request wrote: " + before + " -> " + writes();
        }
        if (problem != null) {
            String sent = new String(request, StandardCharsets.UTF_8);
            failures.add(name + " #" + i + ": " + problem + "\n  sent: " + abbreviate(sent) + "\n  got: " + abbreviate(body));
        }
    }

    private MockHttpServletResponse send(TestCaller caller, HttpMethod method, String rawPath, String rawQuery,
                                         byte[] body, String contentType, String ifMatch) throws Exception {
        MockHttpServletRequestBuilder builder = request(method, "/placeholder").with(r -> {
            r.setRequestURI(rawPath);
            r.setQueryString(rawQuery);
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    r.addParameter(lenient(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : lenient(pair.substring(eq + 1)));
                }
            }
            return r;
        });
        if (body != null) {
            builder.content(body).contentType(contentType);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return mvc.perform(builder.with(caller.auth())).andReturn().getResponse();
    }

    /** Mostly the current version (so that requests reach the body's validation), sometimes a hostile one. */
    private String ifMatch(HostileInputs hostile) {
        return switch (hostile.random().nextInt(12)) {
            case 0 -> null;
            case 1 -> "\"" + (version - 1) + "\"";
            case 2 -> hostile.pick(List.of("\"abc\"", "W/\"1\"", "\"99999999999999999999\"", "*", "\"-1\"", ""));
            default -> "\"" + version + "\"";
        };
    }

    private static String lenient(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /**
     * A hostile path segment. (A malformed escape such as {@code %zz} or a raw {@code [} in the path never reaches the application: Tomcat
     * refuses the request line itself, answered as a problem by the platform's error report valve; see the platform's
     * InputPolicyApiTest.)
     */
    private String segment(HostileInputs h) {
        return h.pick(List.of(id, code, code.toLowerCase(), "by-code", "history", "reports", "group", "%00", "a%00b",
                "%ff", "%2e%2e", "..", ".", "x".repeat(3000), "91330100MA2XXXXX00", "%7B%22a%22%3A1%7D", "a%2Fb",
                ";", "%20", "-1", "0", "1", "2", "99999999999999999999", "1e3", "abc", "2017-04", "2017-13",
                "-999999999-01", "%E4%B8%AD%E6%96%87", "%ed%a0%80", "null", "%5B", "%5D%7B"));
    }

    /** A query of some of {@code names}, each with a hostile or ordinary value, written raw. */
    private String query(HostileInputs h, String... names) {
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            if (h.random().nextInt(3) == 0) {
                pairs.add(name + "=" + h.pick(List.of("0", "1", "20", "-1", "858993459", "2147483647", "99999999999",
                        "abc", ",", "name,desc", "name,sideways", "loanBalance,desc", "creditCode", "33", "%ff", "%00",
                        "%zz", "OPERATING", "ROBOT", "true", "maybe", "Zhe", "%E4%B8%AD", "2017-05", "2017-13",
                        "-999999999-01", "+999999999-12", "0000-01", "REJECTED", "x".repeat(1500), "", "1e3",
                        "%ed%a0%80", "a%26b%3Dc")));
            }
        }
        if (h.random().nextInt(10) == 0) {
            pairs.add(h.pick(List.of("%ff=1", "unknown=1", "=", "&&", "%00")));
        }
        return pairs.isEmpty() ? null : String.join("&", pairs);
    }

    private byte[] csv(HostileInputs hostile) {
        String header = hostile.random().nextInt(10) == 0 ? hostile.pick(List.of("creditCode,colour", "", "name",
                "creditCode,name,,registeredProvince", "\"creditCode")) : "creditCode,name,registeredProvince,registeredCapital,"
                + "establishedOn,inScope,shareholders,branches";
        String row = TestCodes.next("91330100") + "," + hostile.pick(List.of("Good Lending", "\"Quoted, Lending\"",
                "\"unterminated", "=cmd|' /C calc'!A0", "\u0000", "x".repeat(12000))) + ","
                + hostile.pick(List.of("33", "99", "", "%ff")) + "," + hostile.pick(List.of("1000000", "1e2147483647",
                "-1", "abc", "987654321098765.43")) + "," + hostile.pick(List.of("2014-01-01", "-999999999-01-01",
                "0000-01-01", "2017-02-30")) + "," + hostile.pick(List.of("true", "yes", "")) + ","
                + hostile.pick(List.of("Holder|PERSON|10.00|", "Holder|ROBOT|x|y", "|||", ";;;")) + ","
                + hostile.pick(List.of("B|44|City|Addr", "B|zz", "|", ""));
        byte[] text = (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
        if (hostile.random().nextInt(5) == 0) {
            byte[] bad = new byte[text.length + 1];
            int at = hostile.random().nextInt(text.length);
            System.arraycopy(text, 0, bad, 0, at);
            bad[at] = (byte) 0xff;
            System.arraycopy(text, at, bad, at + 1, text.length - at);
            return bad;
        }
        return text;
    }

    private void awaitImport(String importId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(5)).until(() -> {
                    org.bson.Document job = mongo.findOne(Query.query(Criteria.where("_id").is(importId)),
                            org.bson.Document.class, "imports");
                    return job != null && !List.of("QUEUED", "RUNNING").contains(job.getString("state"));
                });
    }

    /** How many records of each kind exist: a refused request must change none. */
    record Writes(long versions, long audit, long reports, long figures, long imports, long rows) {
    }

    private Writes writes() {
        return new Writes(count("institution_versions"), count("audit_trail"), count("operating_reports"),
                count("report_figures"), count("imports"), count("import_rows"));
    }

    private long count(String collection) {
        return mongo.getCollection(collection).estimatedDocumentCount();
    }

    private static String summary(List<String> failures) {
        return failures.size() + " failures, the first ones:\n" + String.join("\n", failures.subList(0,
                Math.min(15, failures.size())));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }

    static String registration(String code) {
        return "{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":\"Fuzz Lending " + code + "\","
                + "\"registeredAddress\":\"1 Road\",\"legalRepresentative\":{\"name\":\"Li Si\"},"
                + "\"shareholders\":[{\"name\":\"Holder\",\"type\":\"PERSON\",\"sharePercent\":\"60.00\"}],"
                + "\"actualControllers\":[{\"name\":\"Holder\",\"type\":\"PERSON\"}],\"registeredCapital\":\"1000000\","
                + "\"establishedOn\":\"2014-03-01\",\"lendingStartedOn\":\"2014-06-01\",\"websites\":[{\"kind\":\"WEBSITE\","
                + "\"address\":\"https://lend.example\",\"icpNumber\":\"浙ICP备1号\"}],\"custodyBank\":\"Bank\","
                + "\"branches\":[{\"name\":\"Branch\",\"province\":\"44\",\"city\":\"Guangzhou\",\"address\":\"2 Road\"}],"
                + "\"entityKind\":\"ONLINE_PLATFORM\",\"status\":\"OPERATING\",\"inScope\":true,"
                + "\"source\":\"INDUSTRY_DATABASE\",\"asOf\":\"2017-05-01\",\"reason\":\"base list\"}";
    }

    private static String verification() {
        return "{\"method\":\"PHONE_CONTACT\",\"date\":\"2017-05-31\",\"outcome\":\"Confirmed\",\"confirmed\":[\"name\"],"
                + "\"corrections\":{\"registeredAddress\":\"3 Road\"}}";
    }
}
