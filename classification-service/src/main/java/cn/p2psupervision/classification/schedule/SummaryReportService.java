package cn.p2psupervision.classification.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.time.ClockAutoConfiguration;

/**
 * CLS-10: the provinces' summary reports (检查、查处、整改情况总结) to the central office, and which provinces are late.
 *
 * <ul>
 * <li>A province's head (负责同志, AUTH-04) files the province's report; an officer cannot (403), nor can the central
 * office, which receives reports (403); another province's report is out of scope and looks absent (404, AUTH-02).
 * Filing again makes the next version, based on the version read (If-Match: 428 absent, 412 stale); every version is
 * kept and every filing recorded in the audit trail (AUTH-07).</li>
 * <li>The province's own officers and heads and the central office read it; others get 404.</li>
 * <li>The central office sees, for all 31 provinces, how many days after the schedule's {@link Milestone#SUMMARY_REPORT}
 * date each report was filed, or, not filed, how many days it is overdue.</li>
 * </ul>
 */
@Service
public class SummaryReportService {

    static final String AUDIT_TYPE = "summary-report";

    private final SummaryReportStore store;
    private final CampaignScheduleService schedule;
    private final AuditTrail audit;
    private final Clock clock;

    SummaryReportService(SummaryReportStore store, CampaignScheduleService schedule, AuditTrail audit, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    /** A filed version and whether it is the province's first. */
    public record Filed(SummaryReport report, boolean first) {
    }

    /**
     * Files the province's report: its first version, or (based on {@code basedOn}, the version the head read) the
     * next one.
     */
    public Filed file(Caller caller, String provinceCode, Long basedOn, String text, List<String> documents) {
        Province province = province(provinceCode);
        if (caller.isProvincial() && !caller.province().equals(province.code())) {
            throw notFound(provinceCode);
        }
        if (!caller.isProvincialHead()) {
            throw ProblemException.forbidden(caller.isCentral()
                    ? "The central office receives the provinces' summary reports; a province's head files them (CLS-10)"
                    : "A province's head (负责同志) files its summary report (CLS-10, AUTH-04)");
        }
        ChangedBy by = ChangedBy.of(caller);
        SummaryReportStore.StoredReport stored = store.find(province.code()).orElse(null);
        if (stored == null) {
            SummaryReport first = SummaryReport.first(province.code(), text, documents, by, clock.instant());
            if (basedOn != null) {
                throw ProblemException.staleVersion(0);
            }
            if (!store.insert(first)) {
                throw ProblemException.staleVersion(store.find(province.code()).map(SummaryReportStore.StoredReport::version)
                        .orElse(0L));
            }
            recordAudit(List.of(first), 1);
            return new Filed(first, true);
        }
        if (basedOn == null) {
            throw ProblemException.versionRequired();
        }
        SummaryReport next = stored.current().replacedBy(text, documents, by, clock.instant());
        if (stored.version() != basedOn) {
            throw ProblemException.staleVersion(stored.version());
        }
        // completes the audit entry of the current version, should the filing that made it have stopped before it
        recordAudit(stored.versions(), stored.version());
        if (!store.append(next)) {
            throw ProblemException.staleVersion(store.find(province.code()).map(SummaryReportStore.StoredReport::version)
                    .orElse(stored.version()));
        }
        List<SummaryReport> versions = new ArrayList<>(stored.versions());
        versions.add(next);
        recordAudit(versions, next.version());
        return new Filed(next, false);
    }

    /** The province's current report, for its own officers and heads and the central office; otherwise 404. */
    public SummaryReport read(Caller caller, String provinceCode) {
        return readable(caller, provinceCode).current();
    }

    /** Every version of the province's report, oldest first; readers as for {@link #read}. */
    public List<SummaryReport> history(Caller caller, String provinceCode) {
        return readable(caller, provinceCode).versions();
    }

    /**
     * CLS-10: for the central office only, one row per province, latest first, as of {@code asOf} (null: today in
     * China, by the domain clock).
     */
    public List<ReportLateness> lateness(Caller caller, LocalDate asOf) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("The central office sees which provinces' summary reports are late"
                    + " (CLS-10)");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ClockAutoConfiguration.CAMPAIGN_ZONE);
        LocalDate dueOn = schedule.current().dueOn(Milestone.SUMMARY_REPORT);
        Map<String, LocalDate> firstFiledOn = new HashMap<>();
        store.firstFilings().forEach((province, at) ->
                firstFiledOn.put(province, LocalDate.ofInstant(at, ClockAutoConfiguration.CAMPAIGN_ZONE)));
        return ReportLateness.table(firstFiledOn, dueOn, day);
    }

    private SummaryReportStore.StoredReport readable(Caller caller, String provinceCode) {
        Province province = province(provinceCode);
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("Summary reports are read by the regulators (CLS-10)");
        }
        if (!caller.isCentral() && !caller.province().equals(province.code())) {
            throw notFound(provinceCode);
        }
        return store.find(province.code()).orElseThrow(() -> notFound(provinceCode));
    }

    /** The audit entry of {@code version} (AUTH-07), at most once per version. */
    private void recordAudit(List<SummaryReport> versions, long version) {
        if (version < 1 || versions.size() < version) {
            return;
        }
        SummaryReport after = versions.get((int) version - 1);
        SummaryReport before = version == 1 ? null : versions.get((int) version - 2);
        String name = Province.ofCode(after.province()).map(Province::chineseName).orElse(after.province());
        audit.recordOnce(AUDIT_TYPE + ":" + after.province() + ":v" + version + "@" + after.filedAt(),
                after.filedBy().toCaller(), before == null ? "FILE" : "REFILE", AUDIT_TYPE, after.province(),
                before == null ? null : before.auditValues(), after.auditValues(),
                before == null ? "Summary report of " + name + " filed (CLS-10)"
                        : "Summary report of " + name + " replaced by version " + version + " (CLS-10)");
    }

    private static Province province(String code) {
        return Province.ofCode(code).orElseThrow(() -> notFound(code));
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("Summary report of province", code);
    }
}
