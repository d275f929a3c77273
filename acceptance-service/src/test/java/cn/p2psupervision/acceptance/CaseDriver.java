package cn.p2psupervision.acceptance;

import cn.p2psupervision.platform.test.MutableClock;
import java.util.List;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.acceptance.cases.CheckCode;
import cn.p2psupervision.acceptance.cases.CheckRecording;
import cn.p2psupervision.acceptance.cases.CheckResult;
import cn.p2psupervision.acceptance.cases.Complexity;
import cn.p2psupervision.acceptance.cases.ConclusionRequest;
import cn.p2psupervision.acceptance.cases.Opinion;
import cn.p2psupervision.acceptance.cases.Outcome;
import cn.p2psupervision.acceptance.cases.TeamAgency;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Caller;

/**
 * Brings a case to a given state below the HTTP layer, as the officers of its registration province (and of its
 * business places) would through the API, so that a test starts where its rule applies. Classification's facts must
 * be stubbed before (the mock answers them).
 */
public final class CaseDriver {

    private final CaseService cases;
    private final MutableClock clock;

    public CaseDriver(CaseService cases, MutableClock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** ACC-01: opened by an officer of the registration province (MAIN). */
    public AcceptanceCase open(InstitutionReference institution) {
        return cases.open(officer(institution), institution.id(), Complexity.MAIN, false, List.of());
    }

    /** ACC-03: m1 of the financial office and m2 of the banking regulator's bureau on the team. */
    public AcceptanceCase withTeam(InstitutionReference institution) {
        AcceptanceCase c = open(institution);
        c = cases.addMember(officer(institution), c.institutionId(), c.version(), "王检查", TeamAgency.FINANCIAL_OFFICE,
                "地方金融监管局");
        return cases.addMember(officer(institution), c.institutionId(), c.version(), "李核验",
                TeamAgency.BANKING_REGULATOR, "银保监局");
    }

    /** ACC-04/05: every check recorded PASSED by m1 and confirmed by m2 (the custody bank 浙商银行). */
    public AcceptanceCase checked(InstitutionReference institution) {
        AcceptanceCase c = withTeam(institution);
        for (CheckCode code : CheckCode.values()) {
            c = record(institution, c, code, CheckResult.PASSED);
            c = cases.confirmCheck(officer(institution), c.institutionId(), c.version(), code, "m2");
        }
        return c;
    }

    /** ACC-16: additionally, every business-place province answered (agrees). */
    public AcceptanceCase readyToConclude(InstitutionReference institution) {
        AcceptanceCase c = checked(institution);
        for (Opinion opinion : c.opinions()) {
            c = cases.answerOpinion(AcceptanceApiSupport.officerOf(opinion.province()), c.institutionId(),
                    c.version(), opinion.province(), true, "经核查，同意验收");
        }
        return c;
    }

    /** ACC-07/08: concluded PASSED today: the notice starts today. */
    public AcceptanceCase passed(InstitutionReference institution) {
        AcceptanceCase c = readyToConclude(institution);
        return cases.conclude(officer(institution), c.institutionId(), c.version(),
                new ConclusionRequest(Outcome.PASSED, "各项检查均通过，同意验收", null, null));
    }

    /** ACC-08: passed 15 days before today: the notice has run its term. */
    public AcceptanceCase noticeServed(InstitutionReference institution) {
        var today = clock.today();
        clock.setDay(today.minusDays(15).toString());
        try {
            return passed(institution);
        } finally {
            clock.setDay(today.toString());
        }
    }

    /** ACC-11: both heads signed. */
    public AcceptanceCase certified(InstitutionReference institution) {
        AcceptanceCase c = noticeServed(institution);
        String province = institution.registeredProvince();
        c = cases.sign(AcceptanceApiSupport.financeHeadOf(province), c.institutionId(), c.version());
        return cases.sign(AcceptanceApiSupport.regulatorHeadOf(province), c.institutionId(), c.version());
    }

    /** ACC-07 (4): concluded MUST_RESUME. */
    public AcceptanceCase awaitingResumption(InstitutionReference institution) {
        AcceptanceCase c = readyToConclude(institution);
        return cases.conclude(officer(institution), c.institutionId(), c.version(),
                new ConclusionRequest(Outcome.MUST_RESUME, "暗访发现已停业，系规避验收", null, null));
    }

    public AcceptanceCase record(InstitutionReference institution, AcceptanceCase c, CheckCode code,
                                 CheckResult result) {
        return cases.recordCheck(officer(institution), c.institutionId(), c.version(), code,
                new CheckRecording(result, "现场核查：" + code.chinese(), List.of("核查记录-" + code.name()), null, "m1",
                        code == CheckCode.CUSTODY_BANK ? "浙商银行" : null));
    }

    public static Caller officer(InstitutionReference institution) {
        return AcceptanceApiSupport.officerOf(institution.registeredProvince());
    }
}
