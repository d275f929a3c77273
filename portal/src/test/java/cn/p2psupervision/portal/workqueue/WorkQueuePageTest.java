package cn.p2psupervision.portal.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.acceptance.Cases;
import cn.p2psupervision.portal.api.AgencyRequest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.institution.InstitutionQuery;
import cn.p2psupervision.portal.classification.Decisions;
import cn.p2psupervision.portal.incident.Events;
import cn.p2psupervision.portal.institution.Institutions;

/** 工作台: what waits for the province, each part from its own context, and the province's own institutions. */
class WorkQueuePageTest extends PortalTest {

    @Test
    void auth02_anOfficerSeesTheDecisionsAwaitingApprovalAndTheProvincesInstitutions() throws Exception {
        Decisions.Entry awaiting = new Decisions.Entry("id-1", "44", 1, new Decisions.Decision(1, 1, "RECORDED",
                "RECTIFICATION", new Decisions.Proposal("COMPLIANT"), "资金存管未落实",
                new Decisions.Actor("gd-officer", "44", "FINANCIAL_OFFICE"), Instant.parse("2018-03-01T01:00:00Z"),
                null, null, null, null, null), Instant.parse("2018-03-01T01:00:00Z"));
        Decisions.Entry unnamed = new Decisions.Entry("id-2", "44", 1, new Decisions.Decision(1, 1, "RECORDED",
                "BANNING", null, null, new Decisions.Actor("gd-officer", "44", null), null, null, null, null, null, null),
                null);
        when(classification.decisions("RECORDED", 0, 10)).thenReturn(new PageOf<>(List.of(awaiting, unnamed), 0, 10, 12));
        when(registry.file("id-1")).thenReturn(new Institutions.File("id-1", "91440300MA5D8R2K79", "44", "深圳前海某某金融信息服务有限公司",
                null, null, null, null, null, null, null, null, null, null, null, null, "OPERATING", true,
                "UNVERIFIED", null, null, false, 0, 3, null, null, "WRITE"));
        when(registry.file("id-2")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(new Institutions.Summary("id-1",
                "91440300MA5D8R2K79", "深圳前海某某金融信息服务有限公司", "44", "OPERATING", false, List.of(), 0,
                "UNVERIFIED", null, 3, "WRITE")), 0, 20, 1));

        String page = mvc.perform(get("/work").with(officer("gd-officer", "44"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        verify(registry).list(new InstitutionQuery("44", null, null, null, null, 0));
        assertThat(page).contains("工作台", "广东网贷整治办", "待负责同志审批的分类处置决定", "共 12 项",
                "深圳前海某某金融信息服务有限公司", "整改类", "合规类", "取缔类", "gd-officer", "2018年3月1日 09:00",
                "href=\"/institutions/id-2\"", "此处显示最近的 2 项。", "本省登记注册的机构", "href=\"/institutions/id-1\"");
    }

    @Test
    void reg06_acc09_inc06_auth05_theQueueShowsFilesToVerifyNoticesWithDaysLeftTheClocksAndOverdueRequests()
            throws Exception {
        when(classification.decisions("RECORDED", 0, 10)).thenReturn(new PageOf<>(List.of(), 0, 10, 0));
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(registry.unverified("33", 5)).thenReturn(new PageOf<>(List.of(new Institutions.Summary("id-9",
                "91330100MA28A7K3X6", "杭州待核实网络科技有限公司", "33", "OPERATING", false, List.of(), 0, "UNVERIFIED",
                null, 1, "WRITE")), 0, 5, 7));
        when(acceptance.cases("ON_NOTICE", 0)).thenReturn(new PageOf<>(List.of(new Cases.Summary("id-8",
                "杭州公示中网络科技有限公司", "91330100MA28A7K3X6", "33", "ON_NOTICE", "MAIN", LocalDate.of(2018, 4, 30),
                false, new Cases.Notice("GS-1", 1, LocalDate.of(2026, 11, 17), LocalDate.of(2026, 12, 2), "RUNNING",
                null, null), 2, 5, NOW)), 0, 20, 1));
        Instant recorded = NOW.minus(Duration.ofHours(1));
        when(incidents.events("OPEN", "ESPECIALLY_MAJOR", 0)).thenReturn(new PageOf<>(List.of(new Events.Summary(
                "EV-1", "id-7", "杭州某平台", "33", "OVERDUE_PAYMENT", "平台逾期兑付，出借人聚集", "OPEN", "ESPECIALLY_MAJOR",
                false, false, List.of(new Events.Deadline("NOTIFICATION", 0, recorded.plus(Duration.ofHours(2)), null,
                false, false)), recorded, recorded, 2)), 0, 20, 1));
        when(classification.overdueAgencyRequests()).thenReturn(List.of(request()));
        when(incidents.overdueAgencyRequests()).thenReturn(List.of(request(), request()));

        String page = mvc.perform(get("/work").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("待核实的档案", "href=\"/institutions/id-9/verification\"", "共 7 项",
                "公示中的验收案件", "杭州公示中网络科技有限公司", "待处理投诉 2 件", "处置中的特别重大风险事件",
                "平台逾期兑付，出借人聚集", "2小时内报告", "剩余 1小时0分钟", "外部门逾期未反馈的请求");
        assertThat(page.substring(page.indexOf("data-testid=\"work-requests-count\""))).startsWith(
                "data-testid=\"work-requests-count\">3<");
    }

    @Test
    void aContextThatCannotAnswerDarkensOnlyItsPartOfTheQueue() throws Exception {
        when(classification.decisions("RECORDED", 0, 10)).thenReturn(new PageOf<>(List.of(), 0, 10, 0));
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(incidents.events("OPEN", "ESPECIALLY_MAJOR", 0)).thenThrow(new ApiProblemException(
                ApiProblem.ofStatus(503)));
        when(acceptance.cases("ON_NOTICE", 0)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String page = mvc.perform(get("/work").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String events = page.substring(page.indexOf("data-testid=\"work-events\""),
                page.indexOf("data-testid=\"work-requests\""));
        assertThat(events).contains("alert-warning");
        assertThat(page).contains("目前没有公示中的案件。", "本省登记注册的机构");
    }

    private static AgencyRequest request() {
        return org.mockito.Mockito.mock(AgencyRequest.class);
    }
}
