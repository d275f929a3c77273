package cn.p2psupervision.acceptance.complaint;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.CaseDriver;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;

/**
 * AUTH-06, ACC-09, ACC-10 at the public door, without a token: lodging a complaint against an institution under notice,
 * what is refused (400 naming the member, 413, 422 ACC-09, 429 with Retry-After) and never stored, and the
 * complainant's view with the secret (a wrong secret is 404 like an unknown receipt).
 *
 * <p>Every request comes from an address of its own ({@code X-Forwarded-For} through the trusted local peer), except
 * where the rate limit is the point: the test clock stands still, so one address would run out of its five a minute.
 */
@AcceptanceApiTest
class PublicComplaintApiTest {

    static final String COMPLAINTS = "/api/v1/public/complaints";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseService cases;
    @Autowired
    MutableClock clock;
    @MockitoBean
    ClassificationFacts classification;

    InstitutionReference institution;

    @BeforeEach
    void aZhejiangInstitutionUnderNotice() {
        clock.setDay("2018-03-15");
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
        String id = AcceptanceApiSupport.newInstitutionId();
        institution = AcceptanceApiSupport.institution(id, "33", "44");
        references.apply(List.of(institution));
        new CaseDriver(cases, clock).passed(institution);
    }

    /** A fresh client address (198.18.0.0/15, the benchmarking range). */
    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    MockHttpServletRequestBuilder complaint(String body, String address) {
        return post(COMPLAINTS).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Forwarded-For", "10.9.9.9, " + address);
    }

    MockHttpServletRequestBuilder complaint(String body) {
        return complaint(body, newAddress());
    }

    String valid() {
        return "{\"creditCode\":\"" + institution.creditCode() + "\",\"text\":\"该平台公示期间仍在发布新标的，疑似资金池。\","
                + "\"contact\":\"王先生 138-0000-0000\"}";
    }

    JsonNode send(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        String body = response.getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    long stored() {
        return mongo.count(Query.query(Criteria.where("institutionId").is(institution.id())),
                ComplaintStore.COLLECTION);
    }

    static String field(JsonNode problem) {
        return problem.at("/errors/0/field").asString();
    }

    @Test
    void acc10_aComplaintIsLodgedWithoutAnAccountAndAnswersAReceiptAndASecretShownOnce() throws Exception {
        MockHttpServletResponse response = mvc.perform(complaint(valid())).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        JsonNode lodged = json.readTree(response.getContentAsString());
        String receipt = lodged.get("receiptNumber").asString();
        String secret = lodged.get("secret").asString();
        assertThat(receipt).matches("TS-20180315-[2-9A-HJKMNP-TV-Z]{6}");
        assertThat(secret).matches("([2-9A-HJKMNP-TV-Z]{5}-){4}[2-9A-HJKMNP-TV-Z]{5}");
        assertThat(response.getHeader("Location")).isEqualTo(COMPLAINTS + "/" + receipt);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");

        org.bson.Document kept = mongo.findById(receipt, org.bson.Document.class, ComplaintStore.COLLECTION);
        assertThat(kept).isNotNull();
        assertThat(kept.toJson()).doesNotContain(secret);
        assertThat(kept.getString("secretHash")).hasSize(64);
        assertThat(kept.getString("state")).isEqualTo("OPEN");
        assertThat(cases.find(institution.id()).orElseThrow().openComplaints()).isEqualTo(1);
    }

    @Test
    void acc10_theTextIsKeptExactlyAsGivenMarkupIncluded() throws Exception {
        String text = "<script>alert('x')</script> & <b>平台</b>\n第二行";
        JsonNode lodged = send(complaint("{\"institutionId\":\"" + institution.id() + "\",\"text\":"
                + json.writeValueAsString(text) + "}"), 201);

        Complaint kept = mongo.findById(lodged.get("receiptNumber").asString(), Complaint.class,
                ComplaintStore.COLLECTION);
        assertThat(kept.text()).isEqualTo(text);
        assertThat(kept.contact()).isNull();
    }

    @Test
    void acc10_invalidComplaintsAreRefusedNamingTheMemberAndNothingIsStored() throws Exception {
        String code = "\"creditCode\":\"" + institution.creditCode() + "\"";
        assertThat(field(send(complaint("{" + code + "}"), 400))).isEqualTo("text");
        assertThat(field(send(complaint("{" + code + ",\"text\":\"   \"}"), 400))).isEqualTo("text");
        JsonNode tooLong = send(complaint("{" + code + ",\"text\":\"" + "长".repeat(2001) + "\"}"), 400);
        assertThat(field(tooLong)).isEqualTo("text");
        assertThat(tooLong.get("detail").asString()).isEqualTo("text must be at most 2000 characters long");
        assertThat(field(send(complaint("{" + code + ",\"text\":\"ok\",\"contact\":\"" + "c".repeat(201) + "\"}"),
                400))).isEqualTo("contact");
        assertThat(field(send(complaint("{" + code + ",\"text\":42}"), 400))).isEqualTo("text");
        assertThat(field(send(complaint("{" + code + ",\"text\":\"a\\u0000b\"}"), 400))).isEqualTo("text");
        assertThat(field(send(complaint("{\"text\":\"没有说是哪家机构\"}"), 400))).isEqualTo("institutionId");
        assertThat(field(send(complaint("{" + code + ",\"text\":\"ok\",\"name\":\"x\"}"), 400))).isEqualTo("name");
        send(complaint("[1,2]"), 400);
        send(complaint("{\"text\": "), 400);
        send(complaint("{" + code + ",\"text\":\"ok\",\"text\":\"twice\"}"), 400);
        send(post(COMPLAINTS).contentType(MediaType.TEXT_PLAIN).content("text"), 415);

        assertThat(stored()).isZero();
        assertThat(cases.find(institution.id()).orElseThrow().openComplaints()).isZero();
    }

    @Test
    void acc10_aBodyOver8KiBIsRefusedWith413AndNothingIsStored() throws Exception {
        String padded = "{\"creditCode\":\"" + institution.creditCode() + "\",\"text\":\"ok\",\"contact\":\""
                + " ".repeat(8200) + "\"}";

        JsonNode problem = send(complaint(padded), 413);

        assertThat(problem.get("type").asString()).isEqualTo("urn:p2p-supervision:problem:payload-too-large");
        assertThat(stored()).isZero();
    }

    @Test
    void acc10_theSixthComplaintInAMinuteFromOneAddressIs429WithRetryAfterAndIsNotStored() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            send(complaint(valid(), address), 201);
        }

        MockHttpServletResponse refused = mvc.perform(complaint(valid(), address)).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("12");
        JsonNode problem = json.readTree(refused.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:p2p-supervision:problem:too-many-requests");
        assertThat(problem.get("rule").asString()).isEqualTo("ACC-10");
        assertThat(stored()).isEqualTo(5);
        assertThat(cases.find(institution.id()).orElseThrow().openComplaints()).isEqualTo(5);

        send(complaint(valid()), 201); // another address is not held back
        clock.plusDays(1);
        send(complaint(valid(), address), 201); // nor this one, a day later
    }

    @Test
    void acc09_onlyAnInstitutionUnderNoticeTakesComplaints() throws Exception {
        InstitutionReference open = AcceptanceApiSupport.institution(AcceptanceApiSupport.newInstitutionId(), "33");
        references.apply(List.of(open));
        new CaseDriver(cases, clock).open(open);

        JsonNode notOnNotice = send(complaint("{\"institutionId\":\"" + open.id() + "\",\"text\":\"投诉\"}"), 422);
        JsonNode unknownCode = send(complaint("{\"creditCode\":\"" + open.creditCode() + "\",\"text\":\"投诉\"}"),
                422);
        JsonNode noCase = send(complaint("{\"institutionId\":\"no-such-institution\",\"text\":\"投诉\"}"), 422);

        assertThat(List.of(notOnNotice, unknownCode, noCase)).allSatisfy(problem ->
                assertThat(problem.get("rule").asString()).isEqualTo("ACC-09"));
        assertThat(mongo.count(Query.query(Criteria.where("institutionId").is(open.id())),
                ComplaintStore.COLLECTION)).isZero();
        JsonNode mismatch = send(complaint("{\"institutionId\":\"" + institution.id() + "\",\"creditCode\":\""
                + open.creditCode() + "\",\"text\":\"投诉\"}"), 400);
        assertThat(field(mismatch)).isEqualTo("creditCode");
    }

    @Test
    void acc10_theComplainantReadsItsStateWithTheSecretAndAWrongSecretIs404LikeAnUnknownReceipt() throws Exception {
        JsonNode lodged = send(complaint(valid()), 201);
        String receipt = lodged.get("receiptNumber").asString();
        String secret = lodged.get("secret").asString();

        MockHttpServletResponse response = mvc.perform(get(COMPLAINTS + "/" + receipt)
                .header("Complaint-Secret", secret)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonNode status = json.readTree(response.getContentAsString());
        List<String> members = new ArrayList<>(status.propertyNames());
        assertThat(members).containsExactlyInAnyOrder("receiptNumber", "state", "reply", "submittedOn",
                "resolvedOn");
        assertThat(status.get("state").asString()).isEqualTo("OPEN");
        assertThat(status.get("submittedOn").asString()).isEqualTo("2018-03-15");
        // typed back in lower case with spaces for hyphens, it still opens
        send(get(COMPLAINTS + "/" + receipt).header("Complaint-Secret", secret.toLowerCase().replace('-', ' ')),
                200);

        JsonNode wrong = send(get(COMPLAINTS + "/" + receipt).header("Complaint-Secret", "2222-2222"), 404);
        JsonNode missing = send(get(COMPLAINTS + "/" + receipt), 404);
        JsonNode unknown = send(get(COMPLAINTS + "/TS-20180315-ZZZZZZ").header("Complaint-Secret", secret), 404);
        assertThat(wrong.get("detail").asString()).isEqualTo(missing.get("detail").asString())
                .isEqualTo("Complaint " + receipt + " was not found");
        assertThat(unknown.get("detail").asString()).isEqualTo("Complaint TS-20180315-ZZZZZZ was not found");
        assertThat(List.of(wrong, missing, unknown)).allSatisfy(problem -> {
            assertThat(problem.get("type").asString()).isEqualTo("urn:p2p-supervision:problem:not-found");
            assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(unknown.propertyNames());
        });
    }
}
