package cn.p2psupervision.portal.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;

/**
 * 风险事件: the list with levels and the 2-hour / 4-hour deadlines as time left or overdue (INC-06), an event with
 * its measures, and its timeline report handed on without the token (INC-12, AUTH-01).
 */
class IncidentPagesTest extends PortalTest {

    static final String EV = "EV-20180301-4TQ8W2MZ";

    @Test
    void inc06_theListShowsTheLevelAndTheTwoAndFourHourDeadlinesAsOverdueOrTimeLeftWithoutReadingEachEvent() throws Exception {
        // recorded 3 h ago on the tests' fixed campaign clock: notification 1 h overdue, report due in 1 h
        Instant recorded = NOW.minus(Duration.ofHours(3)).minusSeconds(30);
        List<Events.Deadline> firstReports = List.of(
                new Events.Deadline("NOTIFICATION", 0, recorded.plus(Duration.ofHours(2)), null, true, false),
                new Events.Deadline("WRITTEN_REPORT", 0, recorded.plus(Duration.ofHours(4)), null, false, false));
        when(incidents.events(null, null, 0)).thenReturn(new PageOf<>(List.of(
                summary(EV, "ESPECIALLY_MAJOR", recorded, firstReports), summary("EV-2", "MAJOR", recorded, List.of())),
                0, 20, 2));

        String page = mvc.perform(get("/incidents").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("风险事件与应急处置", "href=\"/incidents/" + EV + "\"", "特别重大", "重大", "处置中",
                "2小时内报告", "已超时 1小时0分钟", "4小时内书面报告", "剩余 59分钟", "<label for=\"level\"");
        verify(incidents, never()).event(anyString());
    }

    @Test
    void inc07_theEventShowsItsDeadlinesMeasuresAndTheLinkToItsTimelineReport() throws Exception {
        Instant recorded = NOW.minus(Duration.ofHours(1));
        when(incidents.event(EV)).thenReturn(event(recorded, List.of(
                new Events.Deadline("NOTIFICATION", 0, recorded.plus(Duration.ofHours(2)),
                        recorded.plus(Duration.ofMinutes(30)), false, false),
                new Events.Deadline("WRITTEN_REPORT", 0, recorded.plus(Duration.ofHours(4)), null, false, false))));

        String page = mvc.perform(get("/incidents/" + EV).with(officer("gd-officer", "44"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("平台逾期兑付，出借人聚集", "特别重大", "内部资料 注意保密", "已于 2026年11月22日 09:30 报告", "剩余 3小时0分钟",
                "移送公安", "涉嫌非法吸收公众存款，移送公安并追赃挽损", "实施中", "张三（金融办风险处副处长）",
                "href=\"/incidents/" + EV + "/timeline.pdf\"", "广州分支机构已派员驻守")
                .doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void inc12_theTimelineReportIsTheServicesPdfAsAnAttachmentNeverCached() throws Exception {
        byte[] pdf = "%PDF-1.7 timeline".getBytes(StandardCharsets.US_ASCII);
        when(incidents.timelinePdf(EV)).thenReturn(pdf);

        mvc.perform(get("/incidents/" + EV + "/timeline.pdf").with(head("zj-head-finance", "33")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"incident-timeline-" + EV + ".pdf\""))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(content().bytes(pdf));
    }

    @Test
    void auth02_aTimelineOutOfScopeIsNotFoundOrNoAccess() throws Exception {
        when(incidents.timelinePdf(EV)).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        String page = mvc.perform(get("/incidents/" + EV + "/timeline.pdf").with(officer("bj-officer", "11")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("未找到该记录，或您无权查看。");
    }

    @Test
    void auth01_theTimelineReportNeedsALogin() throws Exception {
        mvc.perform(get("/incidents/" + EV + "/timeline.pdf")).andExpect(status().isFound());

        verify(incidents, never()).timelinePdf(EV);
    }

    static Events.Summary summary(String id, String level, Instant recorded, List<Events.Deadline> firstReports) {
        return new Events.Summary(id, "id-1", "杭州钱塘易贷网络科技有限公司", "33", "OVERDUE_PAYMENT", "平台逾期兑付，出借人聚集",
                "OPEN", level, false, false, firstReports, recorded, recorded, 3);
    }

    static Events.Event event(Instant recorded, List<Events.Deadline> deadlines) {
        return new Events.Event(EV, "id-1", "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", "OVERDUE_PAYMENT",
                "逾期兑付", "平台逾期兑付，出借人聚集", "3月1日起暂停提现", 20000L, List.of("SG-20180301-7KQ2M9XA"),
                "OPEN", "ESPECIALLY_MAJOR",
                "出借人围堵公司，影响扩大", new Events.Watcher("张三", "金融办风险处副处长", "0571-00000000"), false, null,
                null, List.of(), 24, deadlines, false,
                List.of(new Events.Measure("EV-M1", "REFERRAL_TO_PUBLIC_SECURITY", "涉嫌非法吸收公众存款，移送公安并追赃挽损",
                        "IN_PROGRESS", new Events.Actor("zj-officer", "33", null), recorded)),
                List.of(new Events.SupportNote("EV-S1", "44", "广州分支机构已派员驻守", new Events.Actor("gd-officer", "44", null),
                        recorded)), null, 4, new Events.Actor("zj-officer", "33", null), recorded, recorded);
    }
}
