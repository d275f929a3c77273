package cn.p2psupervision.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.MonthlyReport;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * Test data and requests of the incident API tests: institutions as the registry feed projects them, operating reports
 * as the registry answers them, and MockMvc requests sent as a {@link TestCaller} with the status expected.
 */
public final class IncidentApiSupport {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L) * 1000);

    private final MockMvc mvc;
    private final JsonMapper json;

    public IncidentApiSupport(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A fresh institution id, unique in the shared in-memory database. */
    public static String newInstitutionId() {
        return "inst-" + SEQUENCE.incrementAndGet();
    }

    /** An operating institution registered in {@code province}, doing business in {@code business}. */
    public static InstitutionReference institution(String id, String province, String... business) {
        return new InstitutionReference(id, "9133" + String.format("%014d", Math.abs(id.hashCode())), "测试网贷平台 " + id,
                province, List.of(business), "OPERATING", LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1), true,
                "浙商银行", 1);
    }

    /** A month of operating figures: balance in yuan, lenders. */
    public static MonthlyReport month(String period, String balance, long lenders) {
        return new MonthlyReport(period, new BigDecimal(balance), lenders, lenders / 2, new BigDecimal("1000.00"),
                List.of(), null);
    }

    /** The request with a JSON body type, as {@code caller}. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestCaller caller) {
        return request.contentType(MediaType.APPLICATION_JSON).with(caller.auth());
    }

    /** Sends as {@code caller}; asserts the status (and a problem body for errors); answers the body. */
    public JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int expected) throws Exception {
        return send(request.with(caller.auth()), expected);
    }

    /** Sends as prepared; asserts the status (and a problem body for errors); answers the body. */
    public JsonNode send(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).doesNotContain("java.", "Exception");
        }
        String body = response.getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    /** The ETag of a view: its version quoted. */
    public static String etag(JsonNode view) {
        return "\"" + view.get("version").asLong() + "\"";
    }

    /** The rule a problem names. */
    public static String rule(JsonNode problem) {
        return problem.get("rule").asString();
    }
}
