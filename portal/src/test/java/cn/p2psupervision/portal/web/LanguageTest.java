package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.PageOf;
import jakarta.servlet.http.Cookie;
import cn.p2psupervision.portal.publicsite.PublicLists;

/**
 * The pages speak Simplified Chinese with the campaign's own terms unless English is asked for ({@code ?lang=en}),
 * which a cookie remembers; the browser's own language does not switch it.
 */
class LanguageTest extends PortalTest {

    @BeforeEach
    void aNoticeIsRunning() {
        when(publicApi.notices(any(), anyInt())).thenReturn(new PageOf<>(List.of(new PublicLists.Notice(
                "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", "浙江", "GS-91330100MA28A7K3X6-1",
                LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 16))), 0, 20, 1));
    }

    @Test
    void chineseByDefaultWithTheCampaignsTermsAndChineseDates() throws Exception {
        String page = page(get("/public/notices"));

        assertThat(page).contains("<html lang=\"zh-CN\"", "整改验收公示", "公示编号", "2018年3月1日", "2018年3月16日",
                "浙江", "备案登记");
    }

    @Test
    void englishOnRequestRememberedInACookie() throws Exception {
        String english = mvc.perform(get("/public/notices").param("lang", "en"))
                .andExpect(status().isOk()).andExpect(cookie().value("portal-lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String remembered = page(get("/public/notices").cookie(new Cookie("portal-lang", "en")));

        assertThat(english).contains("<html lang=\"en\"", "Public notice of rectification acceptance", "1 Mar 2018",
                "Zhejiang");
        assertThat(remembered).contains("Public notice of rectification acceptance");
    }

    @Test
    void backToChineseOnRequest() throws Exception {
        String page = page(get("/public/notices").param("lang", "zh-CN").cookie(new Cookie("portal-lang", "en")));

        assertThat(page).contains("整改验收公示");
    }

    @Test
    void theBrowsersLanguageOrAnUnsupportedOneDoesNotSwitchIt() throws Exception {
        assertThat(page(get("/public/notices").header("Accept-Language", "en-US,en;q=0.9"))).contains("整改验收公示");
        assertThat(page(get("/public/notices").param("lang", "fr"))).contains("整改验收公示");
    }

    @Test
    void theLanguageLinksKeepThePageAndItsSearch() throws Exception {
        String page = page(get("/public/notices?q={q}", "钱塘"));

        assertThat(page).contains("href=\"/public/notices?q=%E9%92%B1%E5%A1%98&amp;lang=en\"");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
