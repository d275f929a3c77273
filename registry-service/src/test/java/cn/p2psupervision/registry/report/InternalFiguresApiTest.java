package cn.p2psupervision.registry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
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
 * institution's series of headline figures, a page of institutions at a time in id order, served service to service
 * at {@code /internal/registry/report-figures} to the platform's own identity only.
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
    void reg03_everyInstitutionsSeriesIsTheLatestRevisionOfEachMonthOldestFirst() throws Exception {
        List<JsonNode> all = everything(1000);

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
        assertThat(all.stream().map(item -> item.get("institutionId").asString())).doesNotContain(withoutReports);
    }

    @Test
    void reg03_pagesFollowEachOtherInIdOrderAndNextNamesTheLastIdOfAPageUntilTheLast() throws Exception {
        List<String> ids = everything(1000).stream().map(item -> item.get("institutionId").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(first, second);

        assertThat(everything(2).stream().map(item -> item.get("institutionId").asString()).toList())
                .isEqualTo(ids);

        int at = ids.indexOf(first);
        String after = at == 0 ? "" : "?after=" + ids.get(at - 1) + "&";
        JsonNode page = read(PATH + (after.isEmpty() ? "?" : after) + "limit=2");
        List<String> expected = ids.subList(at, Math.min(at + 2, ids.size()));
        assertThat(page.get("items").valueStream().map(item -> item.get("institutionId").asString()))
                .containsExactlyElementsOf(expected);
        if (at + 2 < ids.size()) {
            assertThat(page.get("next").asString()).isEqualTo(expected.get(1));
        } else {
            assertThat(page.get("next").isNull()).isTrue();
        }

        JsonNode beyond = read(PATH + "?after=" + ids.get(ids.size() - 1));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("next").isNull()).isTrue();
    }

    @ParameterizedTest(name = "AUTH-01 {0} may not read the figures of every institution")
    @EnumSource(value = TestCaller.class, names = {"CENTRAL", "ZJ_OFFICER", "ZJ_HEAD_FINANCE", "GD_OFFICER", "AGENCY",
            "ANONYMOUS"})
    void auth01_onlyThePlatformsOwnServicesReadTheFiguresInBulk(TestCaller caller) throws Exception {
        int expected = caller == TestCaller.ANONYMOUS ? 401 : 403;

        mvc.perform(get(PATH).with(caller.auth()))
                .andExpect(status().is(expected))
                .andExpect(jsonPath("$.status").value(expected))
                .andExpect(jsonPath("$.items").doesNotExist());
    }

    @ParameterizedTest(name = "a limit outside 1..1000 is a 400 problem: {0}")
    @ValueSource(strings = {"0", "-1", "1001", "abc"})
    void reg03_aLimitOutsideOneToAThousandIsA400Problem(String limit) throws Exception {
        mvc.perform(get(PATH + "?limit=" + limit).with(TestCaller.INTERNAL.auth()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:p2p-supervision:problem:validation-failed"))
                .andExpect(jsonPath("$.items").doesNotExist());
    }

    /** Every page from the first, {@code limit} institutions at a time, checking {@code next} on the way. */
    private List<JsonNode> everything(int limit) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = read(PATH + "?limit=" + limit + (next == null ? "" : "&after=" + next));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(all::add);
            next = page.get("next").isNull() ? null : page.get("next").asString();
            if (next != null) {
                assertThat(page.get("items").size()).isEqualTo(limit);
                assertThat(next).isEqualTo(page.at("/items/" + (limit - 1) + "/institutionId").asString());
            }
        } while (next != null);
        return all;
    }

    private JsonNode read(String uri) throws Exception {
        String body = mvc.perform(get(uri).with(TestCaller.INTERNAL.auth())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static JsonNode itemOf(List<JsonNode> all, String id) {
        return all.stream().filter(item -> item.get("institutionId").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("institution " + id + " is not in the pages"));
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
