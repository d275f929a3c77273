package cn.p2psupervision.portal.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;

/** The institution list and an institution's file (一户一档), and how refusals of the registry read there. */
public class InstitutionPagesTest extends PortalTest {

    static final String ID = "1d53c03e-cc23-3078-b7ff-70378dad319c";

    public static Institutions.File file(String access) {
        return new Institutions.File(ID, "91330100MA28A7K3X6", "33", "杭州钱塘易贷网络科技有限公司",
                "浙江省杭州市西湖区文三路 90 号 8 楼", new Institutions.Person("陈建国", "330*************34"),
                List.of(new Institutions.Shareholder("浙江钱塘控股集团有限公司", "ENTITY", new BigDecimal("80.00"),
                        "91330100MA28B2LQ5T", null)),
                List.of(new Institutions.Controller("浙江钱塘控股集团有限公司", "ENTITY", "91330100MA28B2LQ5T", null)),
                new BigDecimal("50000000.00"), LocalDate.of(2015, 8, 12), LocalDate.of(2015, 11, 1),
                List.of(new Institutions.Website("WEBSITE", "www.qtyidai.com", "浙ICP备15031234号-1")), "浙商银行",
                List.of(new Institutions.Branch("钱塘易贷深圳分公司", "44", "深圳", "福田区深南大道 1 号")),
                "ONLINE_PLATFORM", null, "OPERATING", true, "CONFIRMED",
                new Institutions.LatestReport("2017-05", 1, new BigDecimal("386500000.00"), 41250L, 9830L,
                        new BigDecimal("52300000.00"), new BigDecimal("1.10")),
                List.of("44"), true, 1, 4, Instant.parse("2017-06-19T01:00:00Z"), Instant.parse("2017-06-19T02:10:00Z"),
                access);
    }

    @Test
    void auth02_theFileShowsIdentityShareholdersBranchesAndStatus() throws Exception {
        when(registry.file(ID)).thenReturn(file("READ"));

        String page = page("/institutions/" + ID, 200);

        assertThat(page).contains("杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "陈建国", "50,000,000.00 元",
                "2015年8月12日", "浙江钱塘控股集团有限公司", "80.00%", "钱塘易贷深圳分公司", "广东", "正常运营",
                "已核实确认", "386,500,000.00 元", "41,250", "2017年5月", "只读");
    }

    @Test
    void auth02_aFileOutOfScopeIsNotFoundOrNoAccessNeverAStackTrace() throws Exception {
        when(registry.file("zj-only")).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:not-found", "Not found", 404, "No institution zj-only", null, null, "r-1",
                List.of(), null, null)));

        String page = page("/institutions/zj-only", 404);

        assertThat(page).contains("未找到该记录，或您无权查看。", "错误代码 404")
                .doesNotContain("Exception", "No institution", "at cn.");
    }

    @Test
    void aRegistryThatIsDownIsAFriendlyPageNamingIt() throws Exception {
        when(registry.file(ID)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:service-unavailable", "A service is unavailable", 503,
                "registry-service is unavailable", null, "registry-service", "req-7", List.of(), null, null)));

        String page = page("/institutions/" + ID, 503);

        assertThat(page).contains("一户一档（机构档案）服务暂时无法访问，请稍后再试。", "req-7");
    }

    @Test
    void aGatewayThatCannotBeReachedIsAFriendlyPage() throws Exception {
        when(registry.list(any())).thenThrow(new ResourceAccessException("Connection refused"));

        String page = page("/institutions", 503);

        assertThat(page).contains("平台服务暂时无法访问，请稍后再试。").doesNotContain("Connection refused");
    }

    @Test
    void reg04_centralSearchesAcrossProvincesByAnActualControllerAndACreditCodeLeadsStraightToItsFile()
            throws Exception {
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String page = mvc.perform(get("/institutions").param("controller", "91330100MA28B2LQ5T").with(central()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        verify(registry).list(new InstitutionQuery(null, null, null, null, "91330100MA28B2LQ5T", 0));
        assertThat(page).contains("<label for=\"controller\"", "value=\"91330100MA28B2LQ5T\"");
        mvc.perform(get("/institutions").param("namePrefix", " 91330100MA28A7K3X6 ").with(central()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/91330100MA28A7K3X6"));
    }

    @Test
    void theListFiltersPagesAndLeadsToEachFile() throws Exception {
        Institutions.Summary summary = new Institutions.Summary(ID, "91330100MA28A7K3X6", "杭州钱塘易贷网络科技有限公司",
                "33", "OPERATING", true, List.of("44"), 1, "CONFIRMED", null, 4, "WRITE");
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(summary), 1, 20, 41));

        String page = page("/institutions?province=33&namePrefix=杭州&page=1", 200);

        verify(registry).list(new InstitutionQuery("33", null, null, "杭州", null, 1));
        assertThat(page).contains("href=\"/institutions/" + ID + "\"", "第 21–21 条，共 41 条", "第 2 页，共 3 页",
                "/institutions?province=33&amp;namePrefix=%E6%9D%AD%E5%B7%9E&amp;page=0",
                "/institutions?province=33&amp;namePrefix=%E6%9D%AD%E5%B7%9E&amp;page=2", "hx-get=", "可维护");
    }

    private String page(String path, int status) throws Exception {
        return mvc.perform(get(path).with(officer("zj-officer", "33"))).andExpect(status().is(status)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
