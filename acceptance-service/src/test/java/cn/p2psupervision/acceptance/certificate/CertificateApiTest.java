package cn.p2psupervision.acceptance.certificate;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.CaseDriver;
import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * ACC-11/ACC-12 through the API: the certificate's PDF for the case's readers once both heads signed, and its public
 * verification by the code printed on it.
 */
@AcceptanceApiTest
class CertificateApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseService cases;
    @Autowired
    MutableClock clock;
    @MockitoBean
    ClassificationFacts classification;

    CaseDriver driver;
    InstitutionReference institution;
    String pdf;

    @BeforeEach
    void aZhejiangInstitutionDoingBusinessInGuangdong() {
        clock.setDay("2018-04-02");
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
        driver = new CaseDriver(cases, clock);
        institution = AcceptanceApiSupport.institution(AcceptanceApiSupport.newInstitutionId(), "33", "44");
        references.apply(List.of(institution));
        pdf = "/api/v1/acceptance/cases/" + institution.id() + "/certificate.pdf";
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, TestCaller caller) throws Exception {
        return mvc.perform(request.with(caller.auth())).andReturn().getResponse();
    }

    @Test
    void acc11_thePdfNamesTheInstitutionItsCodesAndTheVerificationCodeForEveryReaderOfTheCase() throws Exception {
        AcceptanceCase certified = driver.certified(institution);
        String code = certified.certificate().verificationCode();

        for (TestCaller reader : List.of(TestCaller.ZJ_OFFICER, TestCaller.GD_OFFICER, TestCaller.CENTRAL)) {
            MockHttpServletResponse response = call(get(pdf), reader);
            assertThat(response.getStatus()).as(reader + ": " + response.getContentAsString()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("application/pdf");
            assertThat(response.getHeader("Content-Disposition")).contains("inline").contains(".pdf");
            byte[] body = response.getContentAsByteArray();
            assertThat(new String(body, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
            String text = CertificateRendererTest.text(body);
            assertThat(text).contains(code, institution.creditCode(), "head-finance-33", "head-regulator-33",
                    "/api/v1/public/certificates/" + code);
        }
    }

    @Test
    void acc11_thereIsNoCertificateUntilBothHeadsSignedNorForAnyoneOutsideTheCase() throws Exception {
        AcceptanceCase served = driver.noticeServed(institution);
        assertThat(call(get(pdf), TestCaller.ZJ_OFFICER).getStatus()).isEqualTo(404);
        AcceptanceCase oneSignature = cases.sign(AcceptanceApiSupport.financeHeadOf("33"), institution.id(),
                served.version());
        assertThat(oneSignature.certificate().issued()).isFalse();
        assertThat(call(get(pdf), TestCaller.ZJ_OFFICER).getStatus()).isEqualTo(404);
        cases.sign(AcceptanceApiSupport.regulatorHeadOf("33"), institution.id(), oneSignature.version());

        assertThat(call(get(pdf), TestCaller.ZJ_OFFICER).getStatus()).isEqualTo(200);
        InstitutionReference beijing = AcceptanceApiSupport.institution(AcceptanceApiSupport.newInstitutionId(),
                "11");
        references.apply(List.of(beijing));
        driver.certified(beijing);
        String beijingPdf = "/api/v1/acceptance/cases/" + beijing.id() + "/certificate.pdf";
        assertThat(call(get(beijingPdf), TestCaller.ZJ_OFFICER).getStatus()).isEqualTo(404);
        assertThat(call(get(beijingPdf), TestCaller.ANONYMOUS).getStatus()).isEqualTo(401);
        assertThat(call(get(beijingPdf), TestCaller.PUBLIC_SECURITY).getStatus()).isEqualTo(403);
    }

    @Test
    void acc11_acc12_thePublicVerifiesTheCertificateByItsCode() throws Exception {
        AcceptanceCase certified = driver.certified(institution);
        String code = certified.certificate().verificationCode();
        String verify = "/api/v1/public/certificates/" + code;

        JsonNode valid = json.readTree(call(get(verify), TestCaller.ANONYMOUS).getContentAsString());
        assertThat(valid.propertyNames()).containsExactlyInAnyOrder("valid", "institutionName", "creditCode",
                "registeredProvince", "registeredProvinceName", "issuedOn", "filedOn");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("institutionName").asString()).isEqualTo(institution.name());
        assertThat(valid.get("creditCode").asString()).isEqualTo(institution.creditCode());
        assertThat(valid.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(valid.get("issuedOn").asString()).isEqualTo("2018-04-02");
        assertThat(valid.get("filedOn").isNull()).isTrue();

        cases.file(CaseDriver.officer(institution), institution.id(), certified.version());
        // typed in lower case, the code is still found
        JsonNode filed = json.readTree(call(get("/api/v1/public/certificates/" + code.toLowerCase()),
                TestCaller.ANONYMOUS).getContentAsString());
        assertThat(filed.get("filedOn").asString()).isEqualTo("2018-04-02");

        MockHttpServletResponse unknown = call(get("/api/v1/public/certificates/AAAA-BBBB-CCCC-DDDD"),
                TestCaller.ANONYMOUS);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).isEqualTo("application/problem+json");
    }
}
