package cn.p2psupervision.portal.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/**
 * What the registry client sends for the acts on a file's records (the version the page showed as {@code If-Match},
 * REG-06; a report's figures as entered, REG-03) and how it reads the answers of docs/api.md (history, diff, a file
 * with its verifications, the reports).
 */
class RegistryApiTest {

    private static final String FILE = "http://gateway/api/v1/registry/institutions/id-1";
    private static final String VIEW = """
            {"id":"id-1","creditCode":"91330100MA28A7K3X6","registeredProvince":"33","name":"杭州钱塘易贷网络科技有限公司",
             "status":"OPERATING","inScope":true,"provenance":{"name":{"source":"INSTITUTION"}},
             "verificationState":"CONFIRMED",
             "verifications":[{"method":"ON_SITE_SURVEY","date":"2017-06-15","officer":"zj-officer",
               "outcome":"Office visited","confirmed":["name","registeredCapital"],"corrected":["registeredAddress"]}],
             "attestation":{"signedBy":"陈建国","position":"LEGAL_REPRESENTATIVE","signedOn":"2017-06-16",
               "documentReference":"浙整治办核〔2017〕0153号","recordedBy":"zj-officer"},
             "latestReport":null,"businessProvinces":["44"],"crossRegion":true,"branchCount":1,"version":6,
             "createdAt":"2017-06-19T01:00:00Z","updatedAt":"2017-06-19T04:00:00Z","access":"WRITE"}""";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RegistryApi api = new RegistryApi(builder.build());

    @Test
    void reg06_aVerificationSendsTheVersionAsIfMatchAndOnlyTheCorrectionsMade() {
        server.expect(requestTo(FILE + "/verifications")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"4\""))
                .andExpect(content().json("""
                        {"method":"ON_SITE_SURVEY","date":"2017-06-15","outcome":"Office visited",
                         "confirmed":["name"],"corrections":{"registeredAddress":"文三路 90 号 9 楼"}}""", true))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(VIEW));
        server.expect(requestTo(FILE + "/verifications")).andExpect(header("If-Match", "\"6\""))
                .andExpect(content().json("""
                        {"method":"PHONE_CONTACT","date":"2017-06-20","outcome":"电话确认","confirmed":[]}""", true))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(VIEW));

        Institutions.File verified = api.verify("id-1", new RegistryApi.VerificationRequest("ON_SITE_SURVEY",
                "2017-06-15", "Office visited", List.of("name"), Map.of("registeredAddress", "文三路 90 号 9 楼")), 4);
        api.verify("id-1", new RegistryApi.VerificationRequest("PHONE_CONTACT", "2017-06-20", "电话确认", List.of(),
                Map.of()), 6);

        server.verify();
        assertThat(verified.version()).isEqualTo(6);
        assertThat(verified.verifications()).containsExactly(new Institutions.Verification("ON_SITE_SURVEY",
                LocalDate.of(2017, 6, 15), "zj-officer", "Office visited", List.of("name", "registeredCapital"),
                List.of("registeredAddress")));
        assertThat(verified.attestation()).isEqualTo(new Institutions.Attestation("陈建国", "LEGAL_REPRESENTATIVE",
                LocalDate.of(2017, 6, 16), "浙整治办核〔2017〕0153号", "zj-officer"));
    }

    @Test
    void reg06_theAttestationSendsTheVersionAsIfMatch() {
        server.expect(requestTo(FILE + "/attestation")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"5\""))
                .andExpect(content().json("""
                        {"signedBy":"陈建国","position":"LEGAL_REPRESENTATIVE","signedOn":"2017-06-16",
                         "documentReference":"浙整治办核〔2017〕0153号"}""", true))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(VIEW));

        api.attest("id-1", new RegistryApi.AttestationRequest("陈建国", "LEGAL_REPRESENTATIVE", "2017-06-16",
                "浙整治办核〔2017〕0153号"), 5);

        server.verify();
    }

    @Test
    void reg07_readsTheHistoryAndAVersionsDiffAsTheRegistryAnswersThem() {
        server.expect(requestTo(FILE + "/history")).andRespond(withSuccess("""
                [{"version":1,"action":"REGISTER","reason":"Self-reported filing form of May 2017",
                  "at":"2017-06-19T01:00:00Z","by":{"userId":"u-1","username":"zj-officer",
                  "roles":["provincial-officer"],"province":"33","agency":"FINANCIAL_OFFICE"},
                  "changed":["name","registeredAddress"]}]""", MediaType.APPLICATION_JSON));
        server.expect(requestTo(FILE + "/history/2/diff")).andRespond(withSuccess("""
                {"version":2,"previousVersion":1,"action":"AMEND","reason":"Capital increase",
                 "at":"2017-06-19T02:10:00Z","by":{"userId":"u-1","username":"zj-officer","roles":[],"province":"33"},
                 "changes":[{"path":"registeredCapital","before":"50000000.00","after":"100000000.00"},
                            {"path":"branches","before":null,"after":[{"name":"深圳分公司","province":"44"}]},
                            {"path":"inScope","before":true,"after":false}]}""", MediaType.APPLICATION_JSON));

        List<History.Entry> history = api.history("id-1");
        History.Diff diff = api.diff("id-1", 2);

        server.verify();
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("REGISTER");
            assertThat(entry.by().province()).isEqualTo("33");
            assertThat(entry.changed()).containsExactly("name", "registeredAddress");
        });
        assertThat(diff.previousVersion()).isEqualTo(1L);
        assertThat(diff.changes()).containsExactly(
                new History.Change("registeredCapital", "50000000.00", "100000000.00"),
                new History.Change("branches", null, List.of(Map.of("name", "深圳分公司", "province", "44"))),
                new History.Change("inScope", true, false));
    }

    @Test
    void reg03_aReportSendsCountsAsWholeNumbersAndMoneyAsTypedAndReadsTheSeries() {
        server.expect(requestTo(FILE + "/reports")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"period":"2017-05","loanBalance":"386500000.00","lenders":41250,"borrowers":"many",
                         "newLending":"52300000.00","products":[{"name":"钱塘月月盈","termMonths":1,"compositeYield":"7.20"}],
                         "overdueAmount":null,"overdueRate":"1.10","reason":null}""", true))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body("""
                        {"id":"id-1:2017-05:1","institutionId":"id-1","period":"2017-05","revision":1,
                         "loanBalance":"386500000.00","lenders":41250,"borrowers":9830,"newLending":"52300000.00",
                         "products":[],"overdueAmount":null,"overdueRate":"1.10","source":"INSTITUTION","reason":null,
                         "submittedBy":"zj-officer","submittedProvince":"33","submittedAt":"2017-06-19T03:00:00Z"}"""));
        server.expect(requestTo(FILE + "/reports")).andExpect(method(HttpMethod.GET)).andRespond(withSuccess("""
                [{"period":"2017-04","revision":1,"loanBalance":"380000000.00","lenders":40000,"borrowers":9000,
                  "newLending":"50000000.00","products":[{"name":"钱塘月月盈","termMonths":1,"compositeYield":"7.20"}],
                  "overdueAmount":"4250000.00","overdueRate":"1.10","source":"INDUSTRY_DATABASE"}]""",
                MediaType.APPLICATION_JSON));

        Reports.Report sent = api.submitReport("id-1", new Reports.Submission("2017-05", "386500000.00", 41250L,
                "many", "52300000.00", List.of(new Reports.ProductSubmission("钱塘月月盈", 1L, "7.20")), null, "1.10",
                null));
        List<Reports.Report> series = api.reports("id-1");

        server.verify();
        assertThat(sent.revision()).isEqualTo(1);
        assertThat(series).singleElement().satisfies(report -> {
            assertThat(report.loanBalance()).isEqualByComparingTo(new BigDecimal("380000000.00"));
            assertThat(report.products()).containsExactly(new Reports.Product("钱塘月月盈", 1, new BigDecimal("7.20")));
        });
    }
}
