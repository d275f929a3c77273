package cn.p2psupervision.portal.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.institution.InstitutionQuery;
import cn.p2psupervision.portal.classification.Decisions;
import cn.p2psupervision.portal.institution.Institutions;

/** 工作台: the decisions awaiting a head's approval and the province's own institutions. */
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
}
