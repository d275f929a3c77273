package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.PageOf;

/** Where users find the screens: the navigation by role, the work queue's and the landing page's links. */
class NavigationTest extends PortalTest {

    @Test
    void aRegulatorFindsAcceptanceAndIncidentsInTheNavigationAndTheWorkQueue() throws Exception {
        when(classification.decisions(any(), anyInt(), anyInt())).thenReturn(new PageOf<>(List.of(), 0, 10, 0));
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String work = mvc.perform(get("/work").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(work).contains("href=\"/acceptance\"", "整改验收", "href=\"/incidents\"", "风险事件",
                "href=\"/acceptance?state=ON_NOTICE\"", "href=\"/incidents?level=ESPECIALLY_MAJOR&amp;status=OPEN\"",
                "href=\"/public/complaint-status\"", "href=\"/public/certificates\"");
    }

    @Test
    void aVisitorFindsThePublicPagesButNoRegulatorsScreen() throws Exception {
        String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(home).contains("href=\"/public/complaint\"", "href=\"/public/complaint-status\"",
                "href=\"/public/certificates\"", "核验整改验收合格证明")
                .doesNotContain("href=\"/acceptance\"", "href=\"/incidents\"");
    }
}
