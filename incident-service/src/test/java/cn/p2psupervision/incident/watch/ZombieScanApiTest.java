package cn.p2psupervision.incident.watch;

import static cn.p2psupervision.incident.watch.WatchFigures.dead;
import static cn.p2psupervision.incident.watch.WatchFigures.figures;
import static cn.p2psupervision.incident.watch.WatchFigures.institution;
import static cn.p2psupervision.incident.watch.WatchFigures.month;
import static cn.p2psupervision.incident.watch.WatchFigures.newInstitutionId;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinary;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinaryThenDead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
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
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionFigures;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.registryfeed.RegistryFigures;
import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * INC-10, zombie institutions (僵尸类) computed by the scan of every institution's REG-03 figures, read from the
 * registry a page at a time: a balance or new lending at zero for more than three consecutive months up to the latest
 * report lists an institution, with the months that decide it; the list is the caller's (AUTH-02), refreshed on
 * demand; a scan that cannot read the registry to the end stores nothing.
 */
@WatchScanApiTest
class ZombieScanApiTest {

    static final String ZOMBIES = "/api/v1/incidents/zombies";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    RegistryFigures registry;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    LockProvider locks;
    @Autowired
    WatchScanJob job;

    @BeforeEach
    void theCampaignClock() {
        clock.setDay(MutableClock.START);
    }

    @Test
    void inc10_aRefreshListsTheZombiesOfTheFiguresWithTheMonthsThatDecideIt() throws Exception {
        String bothZero = known("33", "OPERATING");
        String threeMonths = known("33", "OPERATING");
        String withGap = known("33", "OPERATING");
        String lendingOnly = known("44", "FILED");
        String resumed = known("33", "OPERATING");
        String banned = known("33", "BANNED");
        String unknown = newInstitutionId();
        List<InstitutionFigures> all = List.of(
                figures(bothZero, ordinaryThenDead("2017-08", 3, 4)),
                figures(threeMonths, ordinaryThenDead("2017-08", 4, 3)),
                figures(withGap, List.of(ordinary("2017-08"), dead("2017-09"), dead("2017-10"), dead("2017-12"),
                        dead("2018-01"), dead("2018-02"))),
                figures(lendingOnly, List.of(ordinary("2017-10"), month("2017-11", "900000.00", 190, "0.00", "2.00"),
                        month("2017-12", "850000.00", 180, "0.00", "2.00"),
                        month("2018-01", "800000.00", 170, "0.00", "2.00"),
                        month("2018-02", "750000.00", 160, "0.00", "2.00"))),
                figures(resumed, withResumption()),
                figures(banned, ordinaryThenDead("2017-01", 1, 12)),
                figures(unknown, ordinaryThenDead("2017-01", 1, 12)));
        WatchFigures.answer(registry, all);

        JsonNode refresh = send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200);

        assertThat(refresh.get("institutionsScanned").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(refresh.get("scannedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(refresh.get("tookMillis").asLong()).isNotNegative();
        List<String> listed = listed(TestCaller.CENTRAL, "");
        assertThat(refresh.get("zombies").asLong()).isEqualTo(listed.size());
        assertThat(listed).contains(bothZero, lendingOnly)
                .doesNotContain(threeMonths, withGap, resumed, banned, unknown);
        verify(registry, atLeast(4)).of(argThat(batch -> batch.size() <= 2));
        List<String> asked = batches().stream().flatMap(List::stream).toList();
        assertThat(asked).isSorted().doesNotHaveDuplicates()
                .contains(bothZero, threeMonths, withGap, lendingOnly, resumed, banned).doesNotContain(unknown);

        JsonNode zombie = send(get(ZOMBIES + "/" + bothZero), TestCaller.ZJ_OFFICER, 200);
        assertThat(zombie.get("latestPeriod").asString()).isEqualTo("2018-02");
        assertThat(zombie.get("detectedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(zombie.at("/reasons/0/rule").asString()).isEqualTo("BALANCE_ZERO");
        assertThat(months(zombie.at("/reasons/0/months")))
                .containsExactly("2017-11", "2017-12", "2018-01", "2018-02");
        assertThat(zombie.at("/reasons/1/rule").asString()).isEqualTo("NEW_LENDING_ZERO");
        assertThat(zombie.get("reasons")).hasSize(2);
        JsonNode lending = send(get(ZOMBIES + "/" + lendingOnly), TestCaller.GD_OFFICER, 200);
        assertThat(lending.get("reasons")).hasSize(1);
        assertThat(lending.at("/reasons/0/rule").asString()).isEqualTo("NEW_LENDING_ZERO");
        assertThat(months(lending.at("/reasons/0/months")))
                .containsExactly("2017-11", "2017-12", "2018-01", "2018-02");
        assertThat(lending.get("status").asString()).isEqualTo("FILED");

        List<AuditEntry> scans = mongo.find(Query.query(Criteria.where("entityType")
                .is(ZombieService.SCAN_AUDIT_TYPE)), AuditEntry.class);
        assertThat(scans).isNotEmpty().allSatisfy(entry -> assertThat(entry.action()).isEqualTo("SCAN"));
    }

    @Test
    void inc10_aRescanKeepsTheFirstDetectionListsTheNewZombiesAndTakesOffThoseThatRecovered() throws Exception {
        String staying = known("33", "OPERATING");
        String recovering = known("33", "OPERATING");
        String becoming = known("33", "OPERATING");
        WatchFigures.answer(registry, List.of(figures(staying, ordinaryThenDead("2017-08", 3, 4)),
                figures(recovering, ordinaryThenDead("2017-08", 3, 4)),
                figures(becoming, ordinaryThenDead("2017-08", 4, 3))));
        send(post(ZOMBIES + "/refresh"), TestCaller.ZJ_OFFICER, 200);
        assertThat(listed(TestCaller.ZJ_OFFICER, "")).contains(staying, recovering).doesNotContain(becoming);

        clock.plusDays(31);
        List<InstitutionFigures> april = new ArrayList<>();
        april.add(figures(staying, ordinaryThenDead("2017-08", 3, 5)));
        List<MonthFigures> back = new ArrayList<>(
                ordinaryThenDead("2017-08", 3, 4));
        back.add(ordinary("2018-03"));
        april.add(figures(recovering, back));
        april.add(figures(becoming, ordinaryThenDead("2017-08", 4, 4)));
        WatchFigures.answer(registry, april);
        send(post(ZOMBIES + "/refresh"), TestCaller.ZJ_OFFICER, 200);

        assertThat(listed(TestCaller.ZJ_OFFICER, "")).contains(staying, becoming).doesNotContain(recovering);
        JsonNode stayed = send(get(ZOMBIES + "/" + staying), TestCaller.CENTRAL, 200);
        assertThat(stayed.get("detectedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(stayed.get("latestPeriod").asString()).isEqualTo("2018-03");
        assertThat(months(stayed.at("/reasons/0/months"))).hasSize(5);
        assertThat(send(get(ZOMBIES + "/" + becoming), TestCaller.CENTRAL, 200).get("detectedAt").asString())
                .isEqualTo("2018-04-01T01:00:00Z");
        send(get(ZOMBIES + "/" + recovering), TestCaller.CENTRAL, 404);
    }

    @Test
    void auth07_everyReadOfAZombieListingOrAClosureIsRecordedForTheCentralOffice() throws Exception {
        String zombie = known("33", "OPERATING", "44");
        send(post(ZOMBIES + "/bidding-closures").contentType(MediaType.APPLICATION_JSON).content("""
                {"institutionId":"%s","observedOn":"2018-02-28","evidence":"投标页面无法访问"}""".formatted(zombie)),
                TestCaller.ZJ_OFFICER, 201);
        WatchFigures.answer(registry, List.of(figures(zombie, ordinaryThenDead("2017-08", 3, 4))));
        send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200);

        assertThat(listed(TestCaller.GD_OFFICER, "province=33")).contains(zombie);
        send(get(ZOMBIES + "/" + zombie), TestCaller.ZJ_HEAD_FINANCE, 200);
        send(get(ZOMBIES + "/bidding-closures/" + zombie), TestCaller.ZJ_OFFICER, 200);
        send(get(ZOMBIES + "/" + zombie), TestCaller.PUBLIC_SECURITY, 403);

        JsonNode audit = send(get("/api/v1/incidents/read-audit").param("institutionId", zombie), TestCaller.CENTRAL,
                200);
        List<String> reads = new ArrayList<>();
        audit.get("content").forEach(read -> reads.add(read.get("username").asString() + ":"
                + read.get("action").asString() + ":" + read.get("province").asString()));
        assertThat(reads).containsExactlyInAnyOrder("gd-officer:LIST_ZOMBIES:44", "zj-head-finance:READ_ZOMBIE:33",
                "zj-officer:READ_BIDDING_CLOSURE:33");
        send(get("/api/v1/incidents/read-audit").param("institutionId", zombie), TestCaller.ZJ_HEAD_FINANCE, 403);
    }

    @Test
    void inc10_aClosureOfBiddingStaysListedAcrossScansUntilItsInstitutionIsOut() throws Exception {
        String closed = known("33", "OPERATING");
        send(post(ZOMBIES + "/bidding-closures").contentType(MediaType.APPLICATION_JSON).content("""
                {"institutionId":"%s","observedOn":"2018-02-28","evidence":"投标页面无法访问"}""".formatted(closed)),
                TestCaller.ZJ_OFFICER, 201);
        WatchFigures.answer(registry, List.of(figures(closed, List.of(ordinary("2018-01"), ordinary("2018-02")))));

        send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200);
        JsonNode zombie = send(get(ZOMBIES + "/" + closed), TestCaller.ZJ_OFFICER, 200);
        assertThat(zombie.get("reasons")).hasSize(1);
        assertThat(zombie.at("/reasons/0/rule").asString()).isEqualTo("BIDDING_CLOSED");

        references.apply(List.of(withStatus(institution(closed, "33", "OPERATING"), "BANNED")));
        send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200);
        send(get(ZOMBIES + "/" + closed), TestCaller.ZJ_OFFICER, 404);
        assertThat(listed(TestCaller.CENTRAL, "")).doesNotContain(closed);
    }

    @Test
    void auth02_gdOfficerSeesAGuangdongZombieAndAZhejiangOneDoingBusinessThereNeverAZhejiangOnlyOne()
            throws Exception {
        String guangdong = known("44", "OPERATING");
        String crossRegion = known("33", "OPERATING", "44");
        String zhejiangOnly = known("33", "OPERATING");
        WatchFigures.answer(registry, List.of(figures(guangdong, ordinaryThenDead("2017-08", 1, 6)),
                figures(crossRegion, ordinaryThenDead("2017-08", 1, 6)),
                figures(zhejiangOnly, ordinaryThenDead("2017-08", 1, 6))));

        JsonNode inScope = send(post(ZOMBIES + "/refresh"), TestCaller.GD_OFFICER, 200);

        assertThat(inScope.get("institutionsScanned").asLong()).isEqualTo(2);
        List<String> guangdongList = listed(TestCaller.GD_OFFICER, "");
        assertThat(inScope.get("zombies").asLong()).isEqualTo(guangdongList.size());
        assertThat(guangdongList).contains(guangdong, crossRegion).doesNotContain(zhejiangOnly);
        send(get(ZOMBIES + "/" + zhejiangOnly), TestCaller.GD_OFFICER, 404);
        assertThat(listed(TestCaller.CENTRAL, "")).contains(guangdong, crossRegion, zhejiangOnly);
        assertThat(listed(TestCaller.ZJ_HEAD_FINANCE, "")).contains(crossRegion, zhejiangOnly)
                .doesNotContain(guangdong);
        assertThat(send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200).get("institutionsScanned").asLong())
                .isEqualTo(3);
    }

    @Test
    void inc10_aRegistryFailingInTheMiddleOfAScanIsA503ProblemAndStoresNothing() throws Exception {
        String zombie = known("33", "OPERATING");
        String other = known("33", "OPERATING");
        String third = known("33", "OPERATING");
        List<InstitutionFigures> before = List.of(figures(zombie, ordinaryThenDead("2017-08", 3, 4)),
                figures(other, List.of(ordinary("2018-02"))), figures(third, List.of(ordinary("2018-02"))));
        WatchFigures.answer(registry, before);
        send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200);
        List<Document> zombiesBefore = all(ZombieStore.COLLECTION);
        List<Document> alertsBefore = all(AlertStore.COLLECTION);

        List<InstitutionFigures> sorted = new ArrayList<>(List.of(
                figures(zombie, List.of(ordinary("2018-01"), month("2018-02", "10.00", 1, "1.00", "99.00"))),
                figures(other, List.of(ordinary("2018-02"))), figures(third, List.of(ordinary("2018-02")))));
        sorted.sort(Comparator.comparing(InstitutionFigures::institutionId));
        AtomicInteger batches = new AtomicInteger();
        doAnswer(call -> {
            if (batches.incrementAndGet() > 1) {
                throw ProblemException.unavailable("registry-service");
            }
            return WatchFigures.batch(sorted, call.getArgument(0));
        }).when(registry).of(any());

        JsonNode refused = send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 503);

        assertThat(refused.get("service").asString()).isEqualTo("registry-service");
        assertThat(all(ZombieStore.COLLECTION)).isEqualTo(zombiesBefore);
        assertThat(all(AlertStore.COLLECTION)).isEqualTo(alertsBefore);
        assertThat(listed(TestCaller.ZJ_OFFICER, "")).contains(zombie);
    }

    @Test
    void inc10_aRefreshWhileAnotherScanRunsIsA409ProblemAndWaitsForNothing() throws Exception {
        WatchFigures.answer(registry, List.of());
        Optional<SimpleLock> running = locks.lock(new LockConfiguration(Instant.now(), WatchScanJob.LOCK,
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(running).isPresent();
        try {
            JsonNode busy = send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 409);
            assertThat(busy.get("detail").asString()).contains("running");
        } finally {
            running.get().unlock();
        }
        send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 200);
    }

    @Test
    void inc10_theScheduledScanKeepsTheListTooAndAFailureStopsNothingButItself() throws Exception {
        String zombie = known("44", "OPERATING");
        WatchFigures.answer(registry, List.of(figures(zombie, ordinaryThenDead("2017-08", 3, 4))));

        job.scheduled();

        assertThat(listed(TestCaller.GD_OFFICER, "")).contains(zombie);
        List<Document> zombiesBefore = all(ZombieStore.COLLECTION);
        doAnswer(call -> {
            throw ProblemException.unavailable("registry-service");
        }).when(registry).of(any());

        job.scheduled();

        assertThat(all(ZombieStore.COLLECTION)).isEqualTo(zombiesBefore);
    }

    /** The batches of institution ids this test's scans asked the registry for, in order. */
    private List<List<String>> batches() {
        ArgumentCaptor<Collection<String>> asked = ArgumentCaptor.captor();
        verify(registry, atLeast(0)).of(asked.capture());
        return asked.getAllValues().stream().map(List::copyOf).toList();
    }

    /** Months at zero from 2017-01 to 2017-06, then business again from 2017-07 to 2018-02. */
    private static List<MonthFigures> withResumption() {
        List<MonthFigures> months = new ArrayList<>(
                ordinaryThenDead("2016-12", 1, 6));
        for (String month : List.of("2017-07", "2017-08", "2017-09", "2017-10", "2017-11", "2017-12", "2018-01",
                "2018-02")) {
            months.add(ordinary(month));
        }
        return months;
    }

    private String known(String province, String status, String... business) {
        String id = newInstitutionId();
        references.apply(List.of(institution(id, province, status, business)));
        return id;
    }

    static InstitutionReference withStatus(InstitutionReference reference, String status) {
        return new InstitutionReference(reference.id(), reference.creditCode(), reference.name(),
                reference.registeredProvince(), reference.businessProvinces(), status, reference.establishedOn(),
                reference.lendingStartedOn(), reference.inScope(), reference.custodyBank(), reference.version() + 1);
    }

    private List<Document> all(String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
    }

    private static List<String> months(JsonNode months) {
        List<String> all = new ArrayList<>();
        months.forEach(month -> all.add(month.asString()));
        return all;
    }

    /** The ids on every page of the caller's list. */
    private List<String> listed(TestCaller caller, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode content = send(get(ZOMBIES + "?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query)),
                    caller, 200).get("content");
            content.forEach(zombie -> ids.add(zombie.get("institutionId").asString()));
            if (content.size() < 200) {
                return ids;
            }
        }
    }

    private JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String body = response.getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
