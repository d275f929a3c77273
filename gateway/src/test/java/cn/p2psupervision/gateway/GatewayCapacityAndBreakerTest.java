package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/**
 * The gateway carries what a service can carry, and still protects a failing one: its breaker opens on 5xx answers
 * and on timeouts, never on 4xx, and the fallback answers by cause.
 */
class GatewayCapacityAndBreakerTest extends RoutedGatewayTest {

    @Autowired
    BulkheadRegistry bulkheads;

    @Test
    void sixtyFourConcurrentSlowFileReadsAreAllAnswered() {
        List<HttpResponse<String>> responses = IntStream.range(0, 64)
                .mapToObj(i -> getAsync("/api/v1/registry/institutions/file-" + i + "/slow")).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        });
        assertThat(STUB.received()).isEqualTo(64);
        assertThat(breaker("registry-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void sixtyFourCallsInProgressAtOnceAllReachTheServiceAndAreAnswered() {
        STUB.setGate(64);

        List<HttpResponse<String>> responses = IntStream.range(0, 64)
                .mapToObj(i -> getAsync("/api/v1/registry/institutions/file-" + i + "/gate")).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body())
                .isEqualTo(200));
        assertThat(STUB.maxInFlight()).as("calls the service had in progress at once").isEqualTo(64);
        assertThat(bulkheads.bulkhead("registry-service").getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(200);
    }

    @Test
    void serviceErrorsKeepTheirStatusNameTheServiceAndThenOpenTheBreaker() {
        for (int i = 0; i < 10; i++) {
            int status = i % 2 == 0 ? 500 : 502;
            JsonNode problem = assertProblem(get("/api/v1/registry/institutions/status/" + status), status,
                    "service-error");
            assertThat(problem.get("service").asString()).isEqualTo("registry-service");
            assertThat(problem.get("requestId").asString()).isNotBlank();
        }
        int receivedWhileClosed = STUB.received();

        HttpResponse<String> refused = get("/api/v1/registry/institutions/status/500");

        assertBreakerOpenAnswer(refused, "registry-service");
        assertThat(STUB.received()).as("the open breaker keeps the call from the service")
                .isEqualTo(receivedWhileClosed);
    }

    @Test
    void responseTimeoutsAnswer504AndThenOpenTheBreaker() {
        List<HttpResponse<String>> timedOut = IntStream.range(0, 10)
                .mapToObj(i -> getAsync("/api/v1/registry/institutions/sleep/4000")).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(timedOut).allSatisfy(response -> assertThat(
                assertProblem(response, 504, "gateway-timeout").get("service").asString())
                .isEqualTo("registry-service"));
        assertBreakerOpenAnswer(get("/api/v1/registry/institutions/1"), "registry-service");
    }

    @Test
    void timeLimiterTimeoutsAnswer504AndThenOpenTheBreaker() {
        List<HttpResponse<String>> timedOut = IntStream.range(0, 10)
                .mapToObj(i -> getAsync("/api/v1/incidents/events/sleep/4000")).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(timedOut).allSatisfy(response -> assertThat(
                assertProblem(response, 504, "gateway-timeout").get("service").asString())
                .isEqualTo("incident-service"));
        assertBreakerOpenAnswer(get("/api/v1/incidents/events/1"), "incident-service");
    }

    @Test
    void aBurstOfClientErrorsPassesThroughAndNeverOpensTheBreaker() {
        for (int i = 0; i < 40; i++) {
            int status = List.of(400, 403, 404, 409, 412, 422, 428, 429).get(i % 8);
            HttpResponse<String> response = get("/api/v1/registry/institutions/status/" + status);

            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(json(response.body()).get("type").asString())
                    .as("the service's own problem, untouched").isEqualTo("urn:p2p-supervision:problem:stub");
        }

        CircuitBreaker breaker = breaker("registry-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(get("/api/v1/registry/institutions/1").statusCode()).isEqualTo(200);
    }

    @Test
    void aServicesOwn503ProblemNamingItsDependencyPassesThroughAndNeverOpensTheBreaker() {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = get("/api/v1/classification/proposals/status/503");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response.body()).get("type").asString())
                    .as("the service's own problem, untouched").isEqualTo("urn:p2p-supervision:problem:stub");
        }

        CircuitBreaker breaker = breaker("classification-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aFullBulkheadAnswers503WithRetryAfterAndDoesNotCountAsAFailure() {
        List<CompletableFuture<HttpResponse<String>>> holding = List.of(
                getAsync("/api/v1/classification/findings/sleep/1000"),
                getAsync("/api/v1/classification/findings/sleep/1000"));
        Bulkhead bulkhead = bulkheads.bulkhead("classification-service");
        assertThat(bulkhead.getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

        HttpResponse<String> shed = get("/api/v1/classification/findings/1");

        JsonNode problem = assertProblem(shed, 503, "service-unavailable");
        assertThat(problem.get("service").asString()).isEqualTo("classification-service");
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(holding).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        CircuitBreaker breaker = breaker("classification-service");
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private CircuitBreaker breaker(String name) {
        return breakers.circuitBreaker(name);
    }

    private void assertBreakerOpenAnswer(HttpResponse<String> response, String service) {
        assertThat(breaker(service).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.get("service").asString()).isEqualTo(service);
        assertThat(response.headers().firstValue("Retry-After")).as("the breaker's open time").hasValue("5");
    }
}
