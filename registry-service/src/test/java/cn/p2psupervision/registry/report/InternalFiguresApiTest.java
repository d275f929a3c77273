package cn.p2psupervision.registry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * REG-03 in bulk for the incident context's scans (INC-10 zombie institutions, INC-11 off-site monitoring): every
 * series of headline figures of the institutions asked for by id, served service to service at
 * {@code /internal/registry/report-figures} to the platform's own identity only.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class InternalFiguresApiTest {

    static final String PATH = "/internal/registry/report-figures";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    private String first;
    private String second;
    private String withoutReports;

    @BeforeEach
    void twoReportingZhejiangPlatformsAndOneThatNeverReported() throws Exception {
        first = register();
        second = register();
        withoutReports = register();
        submit(first, report("2017-03", "800000.00", 100, "100000.00", "1.50", null));
        submit(first, report("2017-01", "1000000.00", 120, "0.00", "2.00", null));
        submit(first, report("2017-02", "900000.00", 110, "50000.00", null, null));
        submit(first, report("2017-02", "0.00", 0, "0.00", "3.25", "misreported"));
        submit(second, report("2017-05", "300000.00", 30, "10000.00", "0.00", null));
    }

    @Test
    void reg03_theSeriesOfEachInstitutionAskedForIsTheLatestRevisionOfEachMonthOldestFirst() throws Exception {
        List<JsonNode> all = figuresOf(first, second, withoutReports);

        JsonNode firstSeries = itemOf(all, first);
        assertThat(firstSeries.get("figures")).hasSize(3);
        assertThat(firstSeries.get("figures").valueStream().map(m -> m.get("period").asString()))
                .containsExactly("2017-01", "2017-02", "2017-03");
        JsonNode february = firstSeries.at("/figures/1");
        assertThat(february.get("loanBalance").asString()).isEqualTo("0.00");
        assertThat(february.get("lenders").asLong()).isZero();
        assertThat(february.get("borrowers").asLong()).isZero();
        assertThat(february.get("newLending").asString()).isEqualTo("0.00");
        assertThat(february.get("overdueRate").asString()).isEqualTo("3.25");
        JsonNode january = firstSeries.at("/figures/0");
        assertThat(january.get("loanBalance").asString()).isEqualTo("1000000.00");
        assertThat(january.get("lenders").asLong()).isEqualTo(120);
        assertThat(january.get("borrowers").asLong()).isEqualTo(60);
        assertThat(january.get("overdueRate").asString()).isEqualTo("2.00");
        assertThat(january.has("revision")).isFalse();
        assertThat(itemOf(all, second).get("figures").valueStream().map(m -> m.get("period").asString()))
                .containsExactly("2017-05");
    }

    @Test
    void reg03_onlyTheInstitutionsAskedForWithFiguresAreAnsweredOnceEachInIdOrder() throws Exception {
        List<String> answered = figuresOf(second, "no-such-institution", withoutReports, first, second).stream()
                .map(item -> item.get("institutionId").asString()).toList();

        assertThat(answered).containsExactlyElementsOf(Stream.of(first, second).sorted().toList());
        assertThat(figuresOf(withoutReports)).isEmpty();
    }

    @ParameterizedTest(name = "AUTH-01 {0} may not read the figures of every institution")
    @EnumSource(value = TestCaller.class, names = {"CENTRAL", "ZJ_OFFICER", "ZJ_HEAD_FINANCE", "GD_OFFICER", "AGENCY",
            "ANONYMOUS"})
    void auth01_onlyThePlatformsOwnServicesReadTheFiguresInBulk(TestCaller caller) throws Exception {
        int expected = caller == TestCaller.ANONYMOUS ? 401 : 403;

        mvc.perform(post(PATH).with(caller.auth()).contentType("application/json")
                        .content("{\"institutionIds\":[\"" + first + "\"]}"))
                .andExpect(status().is(expected))
                .andExpect(jsonPath("$.status").value(expected))
                .andExpect(jsonPath("$.items").doesNotExist());
    }

    static Stream<Arguments> badRequests() {
        String thousandAndOne = IntStream.rangeClosed(0, 1000).mapToObj(i -> "\"i-" + i + "\"")
                .collect(Collectors.joining(",", "{\"institutionIds\":[", "]}"));
        return Stream.of(
                Arguments.of("no ids", "{\"institutionIds\":[]}", "institutionIds"),
                Arguments.of("no member", "{}", "institutionIds"),
                Arguments.of("1,001 ids", thousandAndOne, "institutionIds"),
                Arguments.of("a blank id", "{\"institutionIds\":[\"a\",\"  \"]}", "institutionIds[1]"),
                Arguments.of("a null id", "{\"institutionIds\":[null]}", "institutionIds[0]"),
                Arguments.of("an id of 201 characters", "{\"institutionIds\":[\"" + "x".repeat(201) + "\"]}",
                        "institutionIds[0]"));
    }

    @ParameterizedTest(name = "REG-03 the bulk read refuses {0} with a 400 problem naming the member")
    @MethodSource("badRequests")
    void reg03_aBadListOfIdsIsA400ProblemNamingTheMember(String what, String body, String member) throws Exception {
        mvc.perform(post(PATH).with(TestCaller.INTERNAL.auth()).contentType("application/json").content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:p2p-supervision:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value(member))
                .andExpect(jsonPath("$.items").doesNotExist());
    }

    /** The bulk read of {@code ids}' figures, as the platform's own services ask for it. */
    private List<JsonNode> figuresOf(String... ids) throws Exception {
        String body = json.writeValueAsString(Map.of("institutionIds", List.of(ids)));
        String answer = mvc.perform(post(PATH).with(TestCaller.INTERNAL.auth()).contentType("application/json")
                        .content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> items = new ArrayList<>();
        json.readTree(answer).get("items").forEach(items::add);
        return items;
    }

    private static JsonNode itemOf(List<JsonNode> all, String id) {
        return all.stream().filter(item -> item.get("institutionId").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("institution " + id + " is not answered"));
    }

    private String register() throws Exception {
        String code = TestCodes.next("91330100");
        String created = mvc.perform(post("/api/v1/registry/institutions").with(TestCaller.ZJ_OFFICER.auth())
                        .contentType("application/json").content("""
                                {"creditCode":"%s","registeredProvince":"33","name":"Bulk Figures %s"}"""
                                .formatted(code, code)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asString();
    }

    private void submit(String id, String body) throws Exception {
        mvc.perform(post("/api/v1/registry/institutions/" + id + "/reports").with(TestCaller.ZJ_OFFICER.auth())
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated());
    }

    private static String report(String period, String balance, long lenders, String newLending, String overdueRate,
                                 String reason) {
        return """
                {"period":"%s","loanBalance":"%s","lenders":%d,"borrowers":%d,"newLending":"%s"%s%s}"""
                .formatted(period, balance, lenders, lenders / 2, newLending,
                        overdueRate == null ? "" : ",\"overdueRate\":\"" + overdueRate + "\"",
                        reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    }
}
