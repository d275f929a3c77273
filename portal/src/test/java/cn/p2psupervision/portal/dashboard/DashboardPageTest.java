package cn.p2psupervision.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;

/** 全国概览: the registry's national statistics as figures, a chart and a table whose numbers lead to the lists. */
class DashboardPageTest extends PortalTest {

    @Test
    void auth03_centralSeesEveryProvincesNumbersEachLeadingToItsInstitutions() throws Exception {
        RegistryStatistics.Totals zhejiang = new RegistryStatistics.Totals(2, Map.of("OPERATING", 2L), 1,
                new BigDecimal("386500000.00"), 41250, 1);
        RegistryStatistics.Totals guangdong = new RegistryStatistics.Totals(1, Map.of("OPERATING", 1L), 0,
                new BigDecimal("0.00"), 0, 1);
        RegistryStatistics.Totals national = new RegistryStatistics.Totals(1003, Map.of("OPERATING", 3L), 1,
                new BigDecimal("386500000.00"), 41250, 2);
        when(statistics.statistics(null)).thenReturn(new RegistryStatistics("2017-05", "NATIONAL", national,
                List.of(new RegistryStatistics.ProvinceRow("33", "Zhejiang", zhejiang),
                        new RegistryStatistics.ProvinceRow("44", "Guangdong", guangdong)), null));

        String page = mvc.perform(get("/dashboard").with(central())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("全国概览", "统计截至 2017年5月末", "1,003", "386,500,000.00 元", "41,250", "浙江", "广东",
                "href=\"/institutions?province=33\"", "href=\"/institutions?province=44\"",
                "href=\"/institutions?province=33&amp;status=OPERATING\"",
                "href=\"/institutions?province=33&amp;crossRegion=true\"", "id=\"province-chart\"",
                "/dist/chart.umd.min.js");
        assertThat(page).contains("&quot;provinces&quot;:[&quot;33&quot;,&quot;44&quot;]",
                "&quot;institutions&quot;:[2,1]", "&quot;labels&quot;:[&quot;浙江&quot;,&quot;广东&quot;]");
    }
}
