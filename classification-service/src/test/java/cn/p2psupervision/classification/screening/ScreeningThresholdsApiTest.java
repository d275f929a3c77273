package cn.p2psupervision.classification.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.test.TestCaller;

/** CLS-04: the thresholds of the key screening are central, versioned data (AUTH-03, AUTH-07). */
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.clock.start=2017-02-10T09:00:00+08:00",
        "platform.registry-feed.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
@AutoConfigureMockMvc
class ScreeningThresholdsApiTest {

    private static final String PATH = "/api/v1/classification/screening-thresholds";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ThresholdSettings settings;

    @BeforeEach
    void nothingStored() {
        mongo.remove(new Query(), ThresholdStore.COLLECTION);
        mongo.remove(Query.query(Criteria.where("entityType").is(ThresholdSettings.AUDIT_TYPE)), "audit_trail");
    }

    @Test
    void cls04_withNothingStoredVersion1HoldsTheDefaults() throws Exception {
        for (TestCaller regulator : List.of(TestCaller.ZJ_OFFICER, TestCaller.GD_HEAD_FINANCE, TestCaller.CENTRAL)) {
            mvc.perform(get(PATH).with(regulator.auth()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.expansionWindowMonths").value(3))
                    .andExpect(jsonPath("$.balanceGrowthRatio").value("0.5000"))
                    .andExpect(jsonPath("$.lenderGrowthRatio").value("0.5000"))
                    .andExpect(jsonPath("$.compositeYieldPercent").value("10.00"))
                    .andExpect(jsonPath("$.changedBy").doesNotExist())
                    .andExpect(jsonPath("$.changedAt", startsWith("2017-02-10T01:")))
                    .andExpect(jsonPath("$.reason", containsString("CLS-04")));
        }
        assertThat(settings.current()).isEqualTo(new ScreeningThresholds(3, new BigDecimal("0.50"),
                new BigDecimal("0.50"), new BigDecimal("10.00")));
        mvc.perform(get(PATH + "/history").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].version").value(1));
        assertThat(mongo.getCollection(ThresholdStore.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void cls04_theDefaultIsCreatedOnceWhenManyAskAtOnce() throws Exception {
        List<ScreeningThresholds> seen = all(8, () -> settings.current());

        assertThat(seen).hasSize(8).containsOnly(ThresholdVersion.DEFAULTS);
        assertThat(mongo.getCollection(ThresholdStore.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(settings.history(TestCaller.CENTRAL.caller())).extracting(ThresholdVersion::version)
                .containsExactly(1L);
    }

    @Test
    void cls04_onlyCentralChangesTheThresholds() throws Exception {
        for (TestCaller caller : List.of(TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_FINANCE, TestCaller.GD_HEAD_FINANCE,
                TestCaller.PUBLIC_SECURITY, TestCaller.INTERNAL)) {
            change(caller, "\"1\"", body(4, "0.80", "0.60", "12.00", "stricter"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(ProblemType.FORBIDDEN.type().toString()));
        }
        change(TestCaller.ANONYMOUS, "\"1\"", body(4, "0.80", "0.60", "12.00", "stricter"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(PATH).with(TestCaller.PUBLIC_SECURITY.auth())).andExpect(status().isForbidden());
        mvc.perform(get(PATH).with(TestCaller.ANONYMOUS.auth())).andExpect(status().isUnauthorized());

        assertThat(settings.currentVersion().version()).isEqualTo(1);
        assertThat(settings.current()).isEqualTo(ThresholdVersion.DEFAULTS);
    }

    @Test
    void cls04_centralChangesTheThresholdsBasedOnTheVersionItRead() throws Exception {
        mvc.perform(get(PATH).with(TestCaller.CENTRAL.auth())).andExpect(header().string("ETag", "\"1\""));

        // decimals as strings or as JSON numbers alike
        change(TestCaller.CENTRAL, "\"1\"", """
                {"expansionWindowMonths": 6, "balanceGrowthRatio": "0.80", "lenderGrowthRatio": 0.6,
                 "compositeYieldPercent": "12.5", "reason": "Campaign office notice 2017-3"}""")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.expansionWindowMonths").value(6))
                .andExpect(jsonPath("$.balanceGrowthRatio").value("0.8000"))
                .andExpect(jsonPath("$.lenderGrowthRatio").value("0.6000"))
                .andExpect(jsonPath("$.compositeYieldPercent").value("12.50"))
                .andExpect(jsonPath("$.changedBy").value("central"))
                .andExpect(jsonPath("$.changedAt", startsWith("2017-02-10T01:")))
                .andExpect(jsonPath("$.reason").value("Campaign office notice 2017-3"));

        assertThat(settings.current()).isEqualTo(new ScreeningThresholds(6, new BigDecimal("0.8"),
                new BigDecimal("0.6"), new BigDecimal("12.5")));
        mvc.perform(get(PATH).with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.expansionWindowMonths").value(6));
        mvc.perform(get(PATH).with(TestCaller.ZJ_OFFICER.auth()).header("If-None-Match", "\"2\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void cls04_aChangeCarriesTheVersionItWasBasedOn() throws Exception {
        change(TestCaller.CENTRAL, null, body(4, "0.80", "0.60", "12.00", "stricter"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value(ProblemType.PRECONDITION_REQUIRED.type().toString()));
        change(TestCaller.CENTRAL, "*", body(4, "0.80", "0.60", "12.00", "stricter"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        change(TestCaller.CENTRAL, "W/\"1\"", body(4, "0.80", "0.60", "12.00", "stricter"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        change(TestCaller.CENTRAL, "\"1\"", body(5, "0.90", "0.70", "13.00", "based on an old read"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(2));

        assertThat(settings.current().expansionWindowMonths()).isEqualTo(4);
    }

    @Test
    void cls04_ofTwoChangesBasedOnTheSameVersionOneWins() throws Exception {
        settings.current();
        List<Object> outcomes = all(2, () -> {
            try {
                return settings.change(TestCaller.CENTRAL.caller(), 1L,
                        new ThresholdChange(4, new BigDecimal("0.8"), new BigDecimal("0.6"), BigDecimal.TEN, "race"));
            } catch (ProblemException refused) {
                return refused.problemType();
            }
        });

        assertThat(outcomes).filteredOn(ThresholdVersion.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ProblemType.PRECONDITION_FAILED::equals).hasSize(1);
        assertThat(settings.history(TestCaller.CENTRAL.caller())).extracting(ThresholdVersion::version)
                .containsExactly(1L, 2L);
    }

    @Test
    void cls04_everyVersionIsKeptOldestFirst() throws Exception {
        change(TestCaller.CENTRAL, "\"1\"", body(4, "0.80", "0.60", "12.00", "first change")).andExpect(status().isOk());
        change(TestCaller.CENTRAL, "\"2\"", body(2, "0.30", "0.40", "9.50", "second change")).andExpect(status().isOk());

        mvc.perform(get(PATH + "/history").with(TestCaller.GD_OFFICER.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].expansionWindowMonths").value(3))
                .andExpect(jsonPath("$[1].version").value(2))
                .andExpect(jsonPath("$[1].reason").value("first change"))
                .andExpect(jsonPath("$[1].compositeYieldPercent").value("12.00"))
                .andExpect(jsonPath("$[2].version").value(3))
                .andExpect(jsonPath("$[2].reason").value("second change"))
                .andExpect(jsonPath("$[2].changedBy").value("central"))
                .andExpect(jsonPath("$[2].balanceGrowthRatio").value("0.3000"));
        mvc.perform(get(PATH + "/history").with(TestCaller.TELECOM.auth())).andExpect(status().isForbidden());
    }

    @Test
    void cls04_invalidThresholdsAreRefusedNamingTheMember() throws Exception {
        refused(body(0, "0.50", "0.50", "10.00", "window 0"), "expansionWindowMonths").andExpect(jsonPath("$.rule").value("CLS-04"));
        refused(body(37, "0.50", "0.50", "10.00", "window 37"), "expansionWindowMonths");
        refused(body(3, "-0.50", "0.50", "10.00", "negative"), "balanceGrowthRatio").andExpect(jsonPath("$.rule").value("CLS-04"));
        refused(body(3, "0.50", "0", "10.00", "zero"), "lenderGrowthRatio");
        refused(body(3, "0.50", "0.50", "100.01", "over 100 %"), "compositeYieldPercent");
        refused(body(3, "0.50", "0.123456", "10.00", "too many decimals"), "lenderGrowthRatio");
        refused(body(3, "0.50", "0.50", "10.00", null), "reason");
        refused(body(3, "0.50", "0.50", "10.00", "   "), "reason");
        refused(body(3, "0.50", "0.50", "10.00", "x".repeat(2001)), "reason");
        refused("""
                {"expansionWindowMonths": 3, "balanceGrowthRatio": "0.50", "compositeYieldPercent": "10.00",
                 "reason": "lenders missing"}""", "lenderGrowthRatio");
        refused("""
                {"expansionWindowMonths": 3.5, "balanceGrowthRatio": "0.50", "lenderGrowthRatio": "0.50",
                 "compositeYieldPercent": "10.00", "reason": "a fraction of a month"}""", "expansionWindowMonths");
        refused("""
                {"expansionWindowMonths": 3, "balanceGrowthRatio": "1e5", "lenderGrowthRatio": "0.50",
                 "compositeYieldPercent": "10.00", "reason": "exponent"}""", "balanceGrowthRatio");
        refused("""
                {"expansionWindowMonths": 3, "balanceGrowthRatio": "0.50", "lenderGrowthRatio": "0.50",
                 "compositeYieldPercent": "10.00", "reason": "with a version", "version": 2}""", "version");

        assertThat(settings.currentVersion().version()).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("entityType").is(ThresholdSettings.AUDIT_TYPE)),
                "audit_trail")).isZero();
    }

    @Test
    void auth07_everyChangeOfTheThresholdsIsInTheAuditTrail() throws Exception {
        change(TestCaller.CENTRAL, "\"1\"", body(4, "0.80", "0.60", "12.00", "Campaign office notice 2017-3"))
                .andExpect(status().isOk());

        List<Document> trail = mongo.find(Query.query(Criteria.where("entityType").is(ThresholdSettings.AUDIT_TYPE)),
                Document.class, "audit_trail");
        assertThat(trail).hasSize(1);
        Document entry = trail.get(0);
        assertThat(entry.getString("action")).isEqualTo("CHANGE");
        assertThat(entry.getString("entityId")).isEqualTo("current");
        assertThat(entry.getString("username")).isEqualTo("central");
        assertThat(entry.getList("roles", String.class)).containsExactly("central-regulator");
        assertThat(entry.getString("reason")).isEqualTo("Campaign office notice 2017-3");
        assertThat(entry.get("before", Document.class).get("expansionWindowMonths")).isEqualTo(3);
        assertThat(entry.get("before", Document.class).get("compositeYieldPercent")).isEqualTo("10.00");
        assertThat(entry.get("after", Document.class).get("expansionWindowMonths")).isEqualTo(4);
        assertThat(entry.get("after", Document.class).get("version")).isEqualTo(2L);
        assertThat(entry.get("after", Document.class).get("balanceGrowthRatio")).isEqualTo("0.8000");
    }

    private ResultActions refused(String body, String member) throws Exception {
        return change(TestCaller.CENTRAL, "\"1\"", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(member))
                .andExpect(jsonPath("$.detail", not(containsString("cn.p2psupervision"))))
                .andExpect(jsonPath("$.detail", not(containsString("Exception"))));
    }

    private ResultActions change(TestCaller caller, String ifMatch, String body) throws Exception {
        var request = put(PATH).with(caller.auth()).contentType("application/json").content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private static String body(int window, String balance, String lenders, String yield, String reason) {
        return """
                {"expansionWindowMonths": %d, "balanceGrowthRatio": "%s", "lenderGrowthRatio": "%s",
                 "compositeYieldPercent": "%s"%s}""".formatted(window, balance, lenders, yield,
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

    /** Runs {@code task} on {@code n} threads released at once; the results in no particular order. */
    private static <T> List<T> all(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
