package cn.p2psupervision.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's input policy as every servlet service applies it (docs/api.md, "Input rules"), over real HTTP: each
 * class of malformed input is a 400 (413 for size) problem naming the member, never a 500, never a Java name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=test-service",
        "platform.api.context=test",
        "platform.security.issuer-uri=" + TestTokens.ISSUER,
        "platform.mongo.embedded.storage=memory",
        "platform.web.max-body-size=64KB"})
class InputPolicyApiTest {

    /** What no answer may show: Java packages, class or exception names of the JDK and the libraries. */
    static final Pattern JAVA_NAMES = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.bson|com\\.mongodb"
                    + "|cn\\.p2psupervision|Exception|Cannot deserialize|No enum constant|\\bat [a-z]+\\.[a-z]+\\.");

    private static final String OFFICER = TestTokens.token("zj-officer", List.of("provincial-officer"), "33",
            "FINANCIAL_OFFICE");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void moneySentAsAJsonNumberKeepsEveryDigitLikeTheStringForm() throws Exception {
        JsonNode asNumber = ok(post("{\"amount\": 987654321098765.43}"));
        JsonNode asString = ok(post("{\"amount\": \"987654321098765.43\"}"));

        assertThat(asNumber.path("amount").asString()).isEqualTo("987654321098765.43");
        assertThat(asString.path("amount").asString()).isEqualTo("987654321098765.43");
        assertThat(ok(post("{\"amount\": 1250000.50}")).path("amount").asString()).isEqualTo("1250000.50");
    }

    @ParameterizedTest(name = "money {0} is refused in number and string form alike")
    @CsvSource(delimiter = '|', value = {
            "1e2147483647 | plain notation",
            "1E5 | plain notation",
            "1234567890123456789.5 | at most 18 digits before",
            "1.1234567 | at most 6 digits after"})
    void decimalsFollowOneRuleWhateverTheirJsonForm(String written, String expected) throws Exception {
        for (String body : List.of("{\"amount\": " + written + "}", "{\"amount\": \"" + written + "\"}")) {
            HttpResponse<String> response = post(body);
            assertInvalid(response, "amount", expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "object where a string is read | {\"text\": {\"a\": 1}} | text | must be a string",
            "operator object where a string is read | {\"text\": {\"$gt\": \"\"}} | text | must be a string",
            "number where a string is read | {\"text\": 42} | text | must be a string",
            "list where a number is read | {\"count\": [1]} | count | must be a whole number",
            "fraction where a whole number is read | {\"count\": 1.5} | count | must be a whole number",
            "huge exponent where a whole number is read | {\"count\": 1e2147483647} | count | must be a whole number",
            "number beyond a long | {\"count\": 99999999999999999999} | count | out of range",
            "unknown enum constant | {\"kind\": \"ROBOT\"} | kind | must be one of [PERSON, ENTITY]",
            "enum by index | {\"kind\": 0} | kind | must be one of [PERSON, ENTITY]",
            "unknown member | {\"texte\": \"x\"} | texte | is not a member",
            "wrong type deep inside | {\"thing\": {\"name\": [\"x\"]}} | thing.name | must be a string",
            "wrong type in a list | {\"tags\": [\"a\", 7]} | tags[1] | must be a string",
            "null in a list | {\"tags\": [\"a\", null]} | tags[1] | must not be null",
            "date at the edge of the calendar | {\"on\": \"-999999999-01-01\"} | on | yyyy-MM-dd",
            "year zero | {\"on\": \"0000-01-01\"} | on | between 1900-01-01 and 2099-12-31",
            "no such day | {\"on\": \"2017-02-30\"} | on | yyyy-MM-dd",
            "date as a number | {\"on\": 20170101} | on | yyyy-MM-dd",
            "month out of range | {\"period\": \"2100-01\"} | period | between 1900-01 and 2099-12",
            "NUL in text | {\"text\": \"a\\u0000b\"} | text | control characters",
            "lone high surrogate | {\"text\": \"a\\ud800b\"} | text | unpaired UTF-16 surrogate",
            "lone low surrogate | {\"text\": \"\\udc00\"} | text | unpaired UTF-16 surrogate"})
    void eachClassOfMalformedJsonIsA400NamingTheMember(String name, String body, String member, String expected)
            throws Exception {
        assertInvalid(post(body), member, expected);
    }

    @Test
    void textLongerThanThePlatformLimitIsRefused() throws Exception {
        assertInvalid(post("{\"text\": \"" + "x".repeat(10_001) + "\"}"), "text", "at most 10000 characters");
    }

    @Test
    void brokenJsonAndNonUtf8BytesAre400WithoutTheParsersWords() throws Exception {
        assertInvalid(post("{\"text\": \"x\""), null, "not valid JSON");
        assertInvalid(post("{\"text\": \"x\"} {}"), null, "");
        byte[] latin1 = "{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = http.send(request("/api/v1/test/inputs")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build(), HttpResponse.BodyHandlers.ofString());
        assertInvalid(response, null, "");
    }

    @Test
    void aMalformedFormEncodedBodyIsAProblemNotA500() throws Exception {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            HttpResponse<String> response = http.send(request("/api/v1/test/inputs")
                    .setHeader("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("a=%zz&b=%ff")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = post("{\"tags\": [\"" + "y".repeat(9000) + "\"" + (",\"" + "y".repeat(9000)
                + "\"").repeat(8) + "]}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("at most 64 KiB").doesNotContainPattern(JAVA_NAMES);
    }

    @ParameterizedTest(name = "query {0}")
    @CsvSource(delimiter = '|', value = {
            "page=858993459&size=5 | page | beyond the first",
            "page=-1 | page | 0 or more",
            "size=0 | size | between 1 and 200",
            "page=abc | page | must be a whole number",
            "page=99999999999 | page | must be a whole number",
            "sort=, | sort | must be one of [name]",
            "sort=name,sideways | sort | direction must be",
            "sort=name,asc,x | sort | must be one of",
            "q=%00 | q | control characters",
            "q=%ff | q | not percent-encoded UTF-8",
            "q=%zz | q | malformed percent-escape",
            "q=%e4%b8 | q | not percent-encoded UTF-8"})
    void malformedQueriesAre400NamingTheParameter(String query, String member, String expected) throws Exception {
        HttpResponse<String> response = raw("GET /api/v1/test/page?" + query);
        assertInvalid(response, member, expected);
    }

    @Test
    void aRequestTomcatRefusesItselfIsStillAProblem() throws Exception {
        for (String line : List.of("GET /api/v1/test/things/a%00b", "GET /api/v1/test/things/%zz",
                "GET /api/v1/test/things/[x]",
                "GET /api/v1/test/page?q=[x]")) {
            HttpResponse<String> response = raw(line);
            assertThat(response.statusCode()).as(line).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(response.body()).contains("validation-failed").doesNotContainPattern(JAVA_NAMES);
        }
    }

    @ParameterizedTest(name = "path {0}")
    @CsvSource({"/api/v1/test/../test/things/1", "/api/v1/test/things/a%2Fb", "/api/v1/test/things/%2e%2e",
            "/api/v1/test/things;x=1/1", "/api/v1//test/things/1"})
    void pathsTheFirewallOrTomcatRefuseAreProblemsToo(String path) throws Exception {
        HttpResponse<String> response = raw("GET " + path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("validation-failed").doesNotContainPattern(JAVA_NAMES);
    }

    private void assertInvalid(HttpResponse<String> response, String member, String expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContainPattern(JAVA_NAMES).contains("validation-failed", expected);
        if (member != null) {
            assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo(member);
        }
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return http.send(request("/api/v1/test/inputs").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + OFFICER).header("Content-Type", "application/json");
    }

    /** A request line as written, not re-encoded by a client library (malformed escapes included). */
    private HttpResponse<String> raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OFFICER
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return RawResponse.parse(in.readAllBytes());
        }
    }
}
