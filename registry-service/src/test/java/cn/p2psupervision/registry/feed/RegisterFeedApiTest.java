package cn.p2psupervision.registry.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.RegisterChanges;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * The registry's side of the institution reference feed (issue 7): the reference pages every other context loads
 * first, and the change feed that keeps their projections current (REG-08 statuses, AUTH-02 provinces). Tests share
 * the in-memory store with the other registry tests, so they look only at the institutions they register and at the
 * sequence numbers after the ones they start from.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class RegisterFeedApiTest {

    static final String REFERENCE = "/internal/registry/institutions/reference";
    static final String CHANGES = "/internal/registry/changes";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    RegisterChanges changes;
    @Autowired
    MongoTemplate mongo;

    @ParameterizedTest(name = "AUTH-01 {0} may not read the reference feed")
    @EnumSource(value = TestCaller.class, names = {"CENTRAL", "ZJ_OFFICER", "ZJ_HEAD_FINANCE", "GD_OFFICER", "AGENCY",
            "ANONYMOUS"})
    void auth01_onlyThePlatformsOwnServicesReadTheFeed(TestCaller caller) throws Exception {
        int expected = caller == TestCaller.ANONYMOUS ? 401 : 403;
        mvc.perform(get(REFERENCE).with(caller.auth())).andExpect(status().is(expected))
                .andExpect(jsonPath("$.status").value(expected));
        mvc.perform(get(CHANGES).param("after", "0").with(caller.auth())).andExpect(status().is(expected));
    }

    @Test
    void auth02_referenceDataNamesTheRegistrationAndBusinessProvincesAndTheStatus() throws Exception {
        String id = register(TestCaller.ZJ_OFFICER, "33", "Reference Data Lending", """
                ,"establishedOn":"2015-08-12","lendingStartedOn":"2015-11-01","custodyBank":"浙商银行",
                "branches":[{"name":"SZ","province":"44"},{"name":"SH","province":"31"},{"name":"HZ","province":"33"}]""");

        JsonNode page = read(get(REFERENCE).param("after", before(id)).param("limit", "1"));

        assertThat(page.get("institutions")).hasSize(1);
        JsonNode data = page.get("institutions").get(0);
        assertThat(data.get("id").asString()).isEqualTo(id);
        assertThat(data.get("name").asString()).isEqualTo("Reference Data Lending");
        assertThat(data.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(data.get("businessProvinces")).extracting(JsonNode::asString).containsExactly("31", "44");
        assertThat(data.get("status").asString()).isEqualTo("OPERATING");
        assertThat(data.get("establishedOn").asString()).isEqualTo("2015-08-12");
        assertThat(data.get("lendingStartedOn").asString()).isEqualTo("2015-11-01");
        assertThat(data.get("inScope").asBoolean()).isTrue();
        assertThat(data.get("custodyBank").asString()).isEqualTo("浙商银行");
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("creditCode").asString()).hasSize(18);
    }

    @Test
    void auth02_referencePagesCoverEveryInstitutionOnceInIdOrder() throws Exception {
        List<String> mine = List.of(register(TestCaller.ZJ_OFFICER, "33", "Paged One", ""),
                register(TestCaller.GD_OFFICER, "44", "Paged Two", ""),
                register(TestCaller.BJ_OFFICER, "11", "Paged Three", ""));
        long sequenceBefore = changes.current();

        JsonNode four = read(get(REFERENCE).param("limit", "4"));
        JsonNode first = read(get(REFERENCE).param("limit", "2"));
        JsonNode second = read(get(REFERENCE).param("limit", "2").param("after", first.get("next").asString()));

        assertThat(four.get("seq").asLong()).as("read before the page").isGreaterThanOrEqualTo(sequenceBefore);
        assertThat(first.get("next").asString()).isEqualTo(ids(first).get(1));
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertThat(paged).isEqualTo(ids(four));

        List<String> all = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = read(after == null ? get(REFERENCE).param("limit", "500")
                    : get(REFERENCE).param("limit", "500").param("after", after));
            all.addAll(ids(page));
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null);
        assertThat(all).containsAll(mine).doesNotHaveDuplicates().isSorted();

        JsonNode beyond = read(get(REFERENCE).param("after", all.get(all.size() - 1)));
        assertThat(beyond.get("institutions")).isEmpty();
        assertThat(beyond.get("next").isNull()).isTrue();
    }

    @Test
    void reg08_theFeedGivesTheChangedInstitutionsInOrderWithTheirCurrentData() throws Exception {
        long cursor = changes.current();
        String a = register(TestCaller.ZJ_OFFICER, "33", "Feed First", "");
        String b = register(TestCaller.GD_OFFICER, "44", "Feed Second", "");
        mvc.perform(put("/internal/registry/institutions/" + a + "/status").with(TestCaller.INTERNAL.auth())
                .contentType("application/json").content("""
                        {"status":"BANNED","context":"CLASSIFICATION","reference":"ZJ-CLS-2017-0042"}"""))
                .andExpect(status().isOk());

        List<JsonNode> delivered = new ArrayList<>();
        long next = follow(cursor, delivered);

        // at least once: an institution may come again in a later page; the last delivery is what a consumer keeps
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        delivered.stream().filter(d -> List.of(a, b).contains(d.get("id").asString()))
                .forEach(d -> latest.putIfAbsent(d.get("id").asString(), d));
        delivered.forEach(d -> latest.computeIfPresent(d.get("id").asString(), (id, earlier) -> d));
        assertThat(latest.keySet()).as("in the order of their first change").containsExactly(a, b);
        assertThat(latest.get(a).get("status").asString()).as("current, not as first changed").isEqualTo("BANNED");
        assertThat(latest.get(a).get("version").asLong()).isEqualTo(2);
        assertThat(latest.get(b).get("registeredProvince").asString()).isEqualTo("44");
        assertThat(next).isGreaterThanOrEqualTo(cursor + 3);
    }

    @Test
    void reg08_aPageHoldsAtMostLimitInstitutionsAndTheCursorContinuesAfterIt() throws Exception {
        long cursor = changes.current();
        String a = register(TestCaller.ZJ_OFFICER, "33", "Limit One", "");
        String b = register(TestCaller.ZJ_OFFICER, "33", "Limit Two", "");

        JsonNode first = read(get(CHANGES).param("after", String.valueOf(cursor)).param("limit", "1"));
        assertThat(first.get("institutions")).hasSize(1);
        assertThat(first.get("institutions").get(0).get("id").asString()).isEqualTo(a);
        JsonNode second = read(get(CHANGES).param("after", first.get("next").asString()).param("limit", "1"));
        assertThat(second.get("institutions").get(0).get("id").asString()).isEqualTo(b);
        assertThat(second.get("next").asLong()).isGreaterThan(first.get("next").asLong());
    }

    @Test
    void reg08_afterTheLatestChangeThePageIsEmpty() throws Exception {
        long latest = changes.current();

        for (long after : new long[] {latest, latest + 1_000}) {
            JsonNode page = read(get(CHANGES).param("after", String.valueOf(after)));
            assertThat(page.get("institutions")).isEmpty();
            assertThat(page.get("next").asLong()).isEqualTo(after);
            assertThat(page.get("resync").asBoolean()).isFalse();
        }
    }

    @Test
    void reg08_aChangeNotRecordedYetStopsTheFeedBeforeIt() throws Exception {
        long cursor = changes.current();
        long missing = advanceCounterWithoutRecord(); // a writer between its two steps
        String later = register(TestCaller.ZJ_OFFICER, "33", "Behind The Gap", "");

        JsonNode stopped = read(get(CHANGES).param("after", String.valueOf(missing - 1)));
        assertThat(stopped.get("next").asLong()).isEqualTo(missing - 1);
        assertThat(stopped.get("institutions")).isEmpty();
        assertThat(stopped.get("resync").asBoolean()).isFalse();
        assertThat(stopped.get("latest").asLong()).isGreaterThan(missing);

        String early = register(TestCaller.ZJ_OFFICER, "33", "The Slow Writer", "");
        mongo.insert(new Document("_id", missing).append("institutionIds", List.of(early)).append("reload", false),
                "register_changes"); // the writer completes its second step

        List<JsonNode> delivered = new ArrayList<>();
        follow(cursor, delivered);
        assertThat(delivered).extracting(d -> d.get("id").asString()).containsSubsequence(early, later);
    }

    @Test
    void reg08_aChangeMissingForMoreThanTwoSecondsAsksForAResync() throws Exception {
        long missing = advanceCounterWithoutRecord();
        register(TestCaller.ZJ_OFFICER, "33", "After A Dead Writer", "");
        String after = String.valueOf(missing - 1);

        assertThat(read(get(CHANGES).param("after", after)).get("resync").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> read(get(CHANGES).param("after", after)).get("resync").asBoolean());

        mongo.insert(new Document("_id", missing).append("institutionIds", List.of()).append("reload", false),
                "register_changes");
    }

    @Test
    void reg08_aReloadEntryAsksForAResync() throws Exception {
        long cursor = changes.current();
        changes.recordReload(); // an import interrupted by a restart

        JsonNode page = read(get(CHANGES).param("after", String.valueOf(cursor)));

        assertThat(page.get("resync").asBoolean()).isTrue();
        assertThat(page.get("institutions")).isEmpty();
        assertThat(page.get("next").asLong()).isEqualTo(cursor);
    }

    @ParameterizedTest(name = "bad parameters are a 400 problem: {0}")
    @ValueSource(strings = {"/changes", "/changes?after=", "/changes?after=-1", "/changes?after=abc",
            "/changes?after=1.5", "/changes?after=99999999999999999999", "/changes?after=0&limit=0",
            "/changes?after=0&limit=501", "/changes?after=0&limit=x", "/institutions/reference?limit=0",
            "/institutions/reference?limit=501", "/institutions/reference?limit=-3"})
    void badParametersAreRefusedWithAProblem(String query) throws Exception {
        mvc.perform(get("/internal/registry" + query).with(TestCaller.INTERNAL.auth()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:p2p-supervision:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").exists());
    }

    // -----------------------------------------------------------------------------------------------------------------

    /** Follows the feed from {@code after} to the latest change, collecting what it delivers; the last cursor. */
    private long follow(long after, List<JsonNode> delivered) throws Exception {
        long next = after;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = read(get(CHANGES).param("after", String.valueOf(next)));
            assertThat(page.get("resync").asBoolean()).isFalse();
            page.get("institutions").forEach(delivered::add);
            if (page.get("next").asLong() == next) {
                return next;
            }
            next = page.get("next").asLong();
        }
        return next;
    }

    private long advanceCounterWithoutRecord() {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("register")),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "register_sequence");
        return ((Number) counter.get("seq")).longValue();
    }

    private String register(TestCaller officer, String province, String name, String moreFacts) throws Exception {
        String body = "{\"creditCode\":\"" + TestCodes.next("91" + province + "0100") + "\",\"registeredProvince\":\""
                + province + "\",\"name\":\"" + name + "\"" + moreFacts + "}";
        return json.readTree(mvc.perform(post("/api/v1/registry/institutions").with(officer.auth())
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        ResultActions result = mvc.perform(request.with(TestCaller.INTERNAL.auth())).andExpect(status().isOk());
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("institutions").forEach(data -> ids.add(data.get("id").asString()));
        return ids;
    }

    /** An {@code after} just before {@code id} (ids are UUIDs: nothing else sorts between). */
    private static String before(String id) {
        return id.substring(0, id.length() - 1);
    }
}
