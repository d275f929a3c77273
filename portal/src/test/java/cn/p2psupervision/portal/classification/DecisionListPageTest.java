package cn.p2psupervision.portal.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
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
import cn.p2psupervision.portal.institution.InstitutionPagesTest;

/** 分类处置决定: the decisions by category and state, where the dashboard's category figures lead (CLS-09). */
class DecisionListPageTest extends PortalTest {

    @Test
    void cls09_theDecisionsOfACategoryAreListedWithTheirInstitutionsEachLeadingToItsFile() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        Decisions.Entry banned = new Decisions.Entry(file.id(), "33", 2, new Decisions.Decision(1, 2, "APPROVED",
                "BANNING", null, "资金池规模巨大", new Decisions.Actor("zj-officer", "33", null), null,
                new Decisions.Actor("zj-head-finance", "33", null), null, null, null, null),
                Instant.parse("2026-11-20T02:00:00Z"));
        Decisions.Entry unnamed = new Decisions.Entry("id-gone", "44", 1, new Decisions.Decision(1, 1, "APPROVED",
                "BANNING", null, null, null, null, null, null, null, null, null), null);
        when(classification.decisions("BANNING", "APPROVED", 0, 20))
                .thenReturn(new PageOf<>(List.of(banned, unnamed), 0, 20, 21));
        when(registry.file(file.id())).thenReturn(file);
        when(registry.file("id-gone")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        String page = mvc.perform(get("/decisions").param("category", "BANNING").param("state", "APPROVED")
                .with(central())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("分类处置决定", "共 21 项", "href=\"/institutions/" + file.id() + "\"", file.name(),
                file.creditCode(), "取缔类", "已批准", "浙江", "id-gone", "2026年11月20日 10:00",
                "href=\"/decisions?category=BANNING&amp;state=APPROVED&amp;page=1\"", "<label for=\"category\"");
    }

    @Test
    void cls09_theNamesTheDecisionListGivesAreShownWithoutReadingEachFile() throws Exception {
        Decisions.Entry named = new Decisions.Entry("id-1", "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", 1,
                new Decisions.Decision(1, 1, "RECORDED", "COMPLIANT", null, null, null, null, null, null, null, null,
                        null), Instant.parse("2026-11-20T02:00:00Z"));
        when(classification.decisions(null, "RECORDED", 0, 20)).thenReturn(new PageOf<>(List.of(named), 0, 20, 1));

        String page = mvc.perform(get("/decisions").param("state", "RECORDED").with(officer("zj-officer", "33")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6");
        verify(registry, never()).file(anyString());
    }

    @Test
    void cls09_withoutFiltersEveryDecisionInScopeIsListed() throws Exception {
        when(classification.decisions(null, null, 0, 20)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        mvc.perform(get("/decisions").with(central())).andExpect(status().isOk());

        verify(classification).decisions(null, null, 0, 20);
    }

    @Test
    void cls09_anUnknownCategoryOrStateIsIgnoredRatherThanSentOn() throws Exception {
        when(classification.decisions(null, null, 0, 20)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String page = mvc.perform(get("/decisions").param("category", "<script>").param("state", "X")
                .with(officer("zj-officer", "33"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("没有符合条件的分类处置决定。").doesNotContain("<script>");
        verify(classification).decisions(null, null, 0, 20);
    }
}
