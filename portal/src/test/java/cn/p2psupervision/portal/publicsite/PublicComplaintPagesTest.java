package cn.p2psupervision.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;

/**
 * The public's pages without login (AUTH-06): a complaint against an institution under notice (ACC-09, ACC-10), its
 * status by receipt number and secret, and certificate verification (ACC-11).
 */
class PublicComplaintPagesTest extends PortalTest {

    static final String CODE = "91330100MA28A7K3X6";

    @Test
    void acc09_eachNoticeLeadsToTheComplaintFormForItsInstitution() throws Exception {
        when(publicApi.notices(any(), anyInt())).thenReturn(new PageOf<>(List.of(new PublicLists.Notice(
                "杭州钱塘易贷网络科技有限公司", CODE, "33", "浙江", "GS-91330100MA28A7K3X6-1", LocalDate.of(2018, 3, 1),
                LocalDate.of(2018, 3, 16))), 0, 20, 1));

        String list = body(get("/public/notices"), 200);
        String form = body(get("/public/complaint").param("creditCode", CODE).param("name", "杭州钱塘易贷网络科技有限公司"), 200);

        assertThat(list).contains("href=\"/public/complaint?creditCode=" + CODE + "&amp;name=");
        assertThat(form).contains("被投诉机构：杭州钱塘易贷网络科技有限公司", "value=\"" + CODE + "\"",
                "<label for=\"complaint-credit-code\"", "<label for=\"complaint-text\"", "<label for=\"complaint-contact\"")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void acc09_aComplaintShowsItsReceiptNumberAndSecretOnceAndIsNeverCached() throws Exception {
        when(publicApi.complain(CODE, "公示期间仍在发布新标的", null, "203.0.113.7, 127.0.0.1")).thenReturn(
                new PublicLists.Receipt("TS-20180305-7K3Q9X", "7K3Q9-XM4TA-RB2HW-6NPCZ-D8GEY", LocalDate.of(2018, 3, 5)));

        String page = mvc.perform(post("/public/complaint").param("creditCode", CODE).param("text", "公示期间仍在发布新标的")
                        .param("contact", " ").header("X-Forwarded-For", "203.0.113.7").with(csrf()))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("投诉已受理", "TS-20180305-7K3Q9X", "7K3Q9-XM4TA-RB2HW-6NPCZ-D8GEY", "2018年3月5日");
    }

    @Test
    void acc10_theRateLimitReadsAsAMessageAtTheFormWithWhatWasEntered() throws Exception {
        when(publicApi.complain(anyString(), anyString(), any(), anyString())).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:too-many-requests", "Too many requests", 429,
                        "Too many complaints from your address; try again in 12 s", "ACC-10", null, "r-1", List.of(), 12L,
                        null)));

        String page = body(post("/public/complaint").param("creditCode", CODE).param("text", "疑似资金池").with(csrf()), 200);

        assertThat(page).contains("data-testid=\"refusal\"", "操作过于频繁，请 12 秒后再试。", "疑似资金池", "value=\"" + CODE + "\"")
                .doesNotContain("错误代码");
    }

    @Test
    void acc09_aComplaintAgainstAnInstitutionNotUnderNoticeNamesTheRule() throws Exception {
        when(publicApi.complain(anyString(), anyString(), any(), anyString())).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                        "91330100MA28A7K3X6 is not under public notice", "ACC-09", null, "r-2", List.of(), null, null)));

        String page = body(post("/public/complaint").param("creditCode", CODE).param("text", "疑似资金池").with(csrf()), 200);

        assertThat(page).contains("该操作不符合监管规则 ACC-09：存在尚未处理的投诉，或该机构不在公示期内。");
    }

    @Test
    void auth01_aComplaintWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/public/complaint").param("creditCode", CODE).param("text", "疑似资金池"))
                .andExpect(status().isForbidden());

        verify(publicApi, never()).complain(any(), any(), any(), any());
    }

    @Test
    void acc09_theComplainantFollowsTheComplaintWithTheSecretPostedNeverInTheAddress() throws Exception {
        when(publicApi.complaint("TS-20180305-7K3Q9X", "7K3Q9-XM4TA-RB2HW-6NPCZ-D8GEY")).thenReturn(
                new PublicLists.ComplaintStatus("TS-20180305-7K3Q9X", "UNFOUNDED", "经核查，查无实据。",
                        LocalDate.of(2018, 3, 5), LocalDate.of(2018, 3, 6)));

        String page = body(post("/public/complaint-status").param("receiptNumber", "TS-20180305-7K3Q9X")
                .param("secret", "7K3Q9-XM4TA-RB2HW-6NPCZ-D8GEY").with(csrf()), 200);

        assertThat(page).contains("查无实据", "经核查，查无实据。", "2018年3月6日", "<label for=\"complaint-secret\"")
                .doesNotContain("7K3Q9-XM4TA-RB2HW-6NPCZ-D8GEY");
    }

    @Test
    void acc09_aWrongSecretReadsLikeAnUnknownReceipt() throws Exception {
        when(publicApi.complaint(anyString(), anyString())).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        String page = body(post("/public/complaint-status").param("receiptNumber", "TS-20180305-7K3Q9X")
                .param("secret", "wrong").with(csrf()), 200);

        assertThat(page).contains("未找到该投诉，或查询密码不正确。");
    }

    @Test
    void acc11_aCertificateIsVerifiedByItsCodeAndAnUnknownCodeSaysSo() throws Exception {
        when(publicApi.certificate("7K3Q-9XAB-M4TC-R2HW")).thenReturn(new PublicLists.Certificate(true,
                "杭州钱塘易贷网络科技有限公司", CODE, "33", LocalDate.of(2018, 3, 16), null));
        when(publicApi.certificate("NOPE")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        assertThat(body(get("/public/certificates").param("code", " 7K3Q-9XAB-M4TC-R2HW "), 200))
                .contains("合格证明有效", "杭州钱塘易贷网络科技有限公司", "2018年3月16日", "尚未备案登记", "<label for=\"certificate-code\"");
        assertThat(body(get("/public/certificates").param("code", "NOPE"), 200))
                .contains("该核验码没有对应的有效合格证明");
        assertThat(body(get("/public/certificates"), 200)).contains("整改验收合格证明核验");
    }

    private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
