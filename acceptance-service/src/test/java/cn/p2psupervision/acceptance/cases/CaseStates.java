package cn.p2psupervision.acceptance.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.custodybank.CustodyBankList;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;

/**
 * A case brought to a state by the domain alone, in memory, by the acts the officers of its provinces would do — for
 * tests that need many cases (the scope table) and store each with one write. The gates are those of a compliant
 * institution and the seed whitelist.
 */
final class CaseStates {

    /** What must have happened to the case before the call. */
    enum Setup {
        /** Only the institution in the projection: no case. */
        NONE,
        OPENED,
        /** m1 (financial office) and m2 (banking regulator) on the team. */
        TEAM,
        /** LEDGER_SYSTEM recorded by m1, not confirmed. */
        RECORDED,
        /** Every check recorded and confirmed, every opinion answered. */
        READY,
        /** Concluded MUST_RESUME. */
        AWAITING_RESUMPTION,
        /** Concluded PASSED fifteen days ago. */
        NOTICE_SERVED,
        /** Both heads signed. */
        CERTIFIED
    }

    private CaseStates() {
    }

    /** The case of {@code institution} at {@code setup} as of {@code now}; null for {@link Setup#NONE}. */
    static AcceptanceCase at(Setup setup, InstitutionReference institution, Instant now) {
        if (setup == Setup.NONE) {
            return null;
        }
        String province = institution.registeredProvince();
        Actor officer = Actor.of(AcceptanceApiSupport.officerOf(province));
        Instant earlier = setup == Setup.NOTICE_SERVED || setup == Setup.CERTIFIED ? now.minus(Duration.ofDays(15))
                : now;
        AcceptanceCase c = AcceptanceCase.open(institution, Complexity.MAIN, false, List.of(), officer, earlier);
        if (setup == Setup.OPENED) {
            return c;
        }
        c = c.addMember("王检查", TeamAgency.FINANCIAL_OFFICE, "地方金融监管局", officer, earlier);
        c = c.addMember("李核验", TeamAgency.BANKING_REGULATOR, "银保监局", officer, earlier);
        if (setup == Setup.TEAM) {
            return c;
        }
        if (setup == Setup.RECORDED) {
            return record(c, CheckCode.LEDGER_SYSTEM, officer, earlier);
        }
        for (CheckCode code : CheckCode.values()) {
            c = record(c, code, officer, earlier);
            c = c.confirmCheck(code, "m2", officer, earlier);
        }
        for (Opinion opinion : c.opinions()) {
            c = c.answerOpinion(opinion.province(), true, "同意验收",
                    Actor.of(AcceptanceApiSupport.officerOf(opinion.province())), earlier);
        }
        if (setup == Setup.READY) {
            return c;
        }
        if (setup == Setup.AWAITING_RESUMPTION) {
            return c.conclude(new ConclusionRequest(Outcome.MUST_RESUME, "暗访发现停业", null, null), null, officer,
                    earlier);
        }
        AcceptanceGates.Report gates = AcceptanceGates.evaluate(AcceptanceGates.Stage.FULL, institution,
                AcceptanceApiSupport.compliant(institution.id()), c.checks(), CustodyBankList.seed(earlier));
        c = c.conclude(new ConclusionRequest(Outcome.PASSED, "同意验收", null, null), gates, officer, earlier);
        if (setup == Setup.NOTICE_SERVED) {
            return c;
        }
        c = c.sign("FINANCIAL_OFFICE", Actor.of(AcceptanceApiSupport.financeHeadOf(province)), now, null);
        return c.sign("BANKING_REGULATOR", Actor.of(AcceptanceApiSupport.regulatorHeadOf(province)), now,
                "TEST-CODE-0000-0001");
    }

    private static AcceptanceCase record(AcceptanceCase c, CheckCode code, Actor officer, Instant at) {
        return c.recordCheck(code, new CheckRecording(CheckResult.PASSED, "核查" + code.chinese(), List.of(), null,
                "m1", code == CheckCode.CUSTODY_BANK ? "浙商银行" : null), officer, at);
    }
}
