package cn.p2psupervision.acceptance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.cases.CaseStates.Setup;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;

/** The case as plain Java: each act returns the next version and leaves the one before as it was. */
class AcceptanceCaseTest {

    static final Instant AT = Instant.parse("2018-03-01T01:00:00Z");
    static final InstitutionReference ZHEJIANG = AcceptanceApiSupport.institution("inst-9", "33", "44", "33", "44");
    static final Actor OFFICER = Actor.of(AcceptanceApiSupport.officerOf("33"));

    @Test
    void acc16_theOpinionsAreAskedOfEachBusinessPlaceOnceAndNeverOfTheRegistrationProvince() {
        AcceptanceCase opened = AcceptanceCase.open(ZHEJIANG, Complexity.MAIN, null, null, OFFICER, AT);

        assertThat(opened.businessProvinces()).containsExactly("44");
        assertThat(opened.opinions()).extracting(Opinion::province).containsExactly("44");
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.history()).singleElement().extracting(HistoryEntry::what).isEqualTo("OPENED");
    }

    @Test
    void acc03_anActReturnsTheNextVersionAndLeavesTheOneBeforeUnchanged() {
        AcceptanceCase opened = AcceptanceCase.open(ZHEJIANG, Complexity.MAIN, false, List.of(), OFFICER, AT);

        AcceptanceCase next = opened.addMember("王检查", TeamAgency.FINANCIAL_OFFICE, "地方金融监管局", OFFICER,
                AT.plusSeconds(60));

        assertThat(opened.team()).isEmpty();
        assertThat(opened.version()).isEqualTo(1);
        assertThat(next.team()).extracting(TeamMember::id).containsExactly("m1");
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.updatedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(next.history()).hasSize(2);
    }

    @Test
    void acc08_theEarliestEndIs15DaysAfterTheStartSo14FullDaysLieBetween() {
        Notice notice = Notice.start("inst-9", 1, LocalDate.of(2018, 3, 1));

        assertThat(notice.earliestEndOn()).isEqualTo(LocalDate.of(2018, 3, 16));
        assertThat(notice.state(LocalDate.of(2018, 3, 15))).isEqualTo(Notice.State.RUNNING);
        assertThat(notice.state(LocalDate.of(2018, 3, 16))).isEqualTo(Notice.State.COMPLETED);
        assertThat(notice.revoke(LocalDate.of(2018, 3, 10), "TS-1").state(LocalDate.of(2018, 4, 1)))
                .isEqualTo(Notice.State.REVOKED);
    }

    @Test
    void acc09_aRevokedNoticeTakesTheSignaturesAndTheConclusionWithIt() {
        AcceptanceCase served = CaseStates.at(Setup.NOTICE_SERVED, ZHEJIANG, AT);
        AcceptanceCase signed = served.sign("FINANCIAL_OFFICE", Actor.of(AcceptanceApiSupport.financeHeadOf("33")),
                AT, null);

        AcceptanceCase revoked = signed.revokeNotice("TS-20180301-AAAA01", OFFICER, AT);

        assertThat(revoked.state()).isEqualTo(CaseState.OPEN);
        assertThat(revoked.certificate()).isNull();
        assertThat(revoked.conclusion()).isNull();
        assertThat(revoked.checks()).hasSize(CheckCode.values().length);
        assertThat(revoked.currentNotice().orElseThrow().revokedBy()).isEqualTo("TS-20180301-AAAA01");
    }

    @Test
    void acc13_overdueIsPastTheDeadlineAndNeitherFiledNorClosedByAFailure() {
        AcceptanceCase opened = AcceptanceCase.open(ZHEJIANG, Complexity.HEAVY_STOCK, false, List.of(), OFFICER, AT);

        assertThat(opened.deadline()).isEqualTo(LocalDate.of(2018, 5, 31));
        assertThat(opened.overdue(LocalDate.of(2018, 5, 31))).isFalse();
        assertThat(opened.overdue(LocalDate.of(2018, 6, 1))).isTrue();
        AcceptanceCase exited = CaseStates.at(Setup.READY, ZHEJIANG, AT).conclude(new ConclusionRequest(
                Outcome.GUIDED_EXIT, "引导退出", null, false), null, OFFICER, AT);
        assertThat(exited.overdue(LocalDate.of(2018, 7, 1))).isFalse();
    }

    @Test
    void acc07_onlyAnOpenCaseChangesItsTeamOrChecks() {
        AcceptanceCase onNotice = CaseStates.at(Setup.NOTICE_SERVED, ZHEJIANG, AT);

        assertThatThrownBy(() -> onNotice.addMember("x", TeamAgency.TELECOM, "y", OFFICER, AT))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.CONFLICT));
    }
}
