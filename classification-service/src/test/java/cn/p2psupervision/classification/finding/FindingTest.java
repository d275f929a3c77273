package cn.p2psupervision.classification.finding;

import static cn.p2psupervision.classification.Fixtures.AT;
import static cn.p2psupervision.classification.Fixtures.CATALOGUE;
import static cn.p2psupervision.classification.Fixtures.INSTITUTION;
import static cn.p2psupervision.classification.Fixtures.details;
import static cn.p2psupervision.classification.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.RuleViolationException;

/** CLS-01: findings are recorded per institution and change only by new versions. */
class FindingTest {

    private static final Instant LATER = Instant.parse("2016-10-08T02:00:00Z");

    @Test
    void cls01_aRecordedFindingIsVersionOneAndActive() {
        Finding finding = finding("F-1", "FUND_POOL");

        assertThat(finding.version()).isEqualTo(1);
        assertThat(finding.isActive()).isTrue();
        assertThat(finding.state()).isEqualTo(FindingState.ACTIVE);
        assertThat(finding.institutionId()).isEqualTo(INSTITUTION);
        assertThat(finding.problemCode()).isEqualTo("FUND_POOL");
        assertThat(finding.outstandingAmount()).isEqualTo(new BigDecimal("1250000.00"));
        assertThat(finding.recordedBy()).isEqualTo("officer-33");
        assertThat(finding.recordedProvince()).isEqualTo("33");
        assertThat(finding.recordedAt()).isEqualTo(AT);
        assertThat(finding.withdrawalReason()).isNull();
        assertThat(finding.details()).isEqualTo(details("FUND_POOL"));
    }

    @Test
    void cls01_violatingBusinessNeedsItsOutstandingAmount() {
        FindingDetails noAmount = withAmount(details("FUND_POOL"), null);

        assertThatThrownBy(() -> record(noAmount)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("CLS-01")).hasMessageContaining("存量");
    }

    @Test
    void cls01_aProblemThatIsNotViolatingBusinessRefusesAnOutstandingAmount() {
        FindingDetails withAmount = withAmount(details("DISCLOSURE_INCOMPLETE"), new BigDecimal("10.00"));

        assertThatThrownBy(() -> record(withAmount)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("CLS-01"));
        assertThat(record(details("DISCLOSURE_INCOMPLETE")).outstandingAmount()).isNull();
    }

    @Test
    void cls01_theOutstandingAmountIsYuanWithTwoDecimalsAndNeverNegative() {
        assertThat(record(withAmount(details("FUND_POOL"), new BigDecimal("1250000"))).outstandingAmount())
                .isEqualTo(new BigDecimal("1250000.00"));
        assertThat(record(withAmount(details("FUND_POOL"), BigDecimal.ZERO)).outstandingAmount())
                .isEqualTo(new BigDecimal("0.00"));
        assertThat(record(withAmount(details("FUND_POOL"), new BigDecimal("3.500"))).outstandingAmount())
                .isEqualTo(new BigDecimal("3.50"));
        for (String refused : List.of("-0.01", "1.005")) {
            assertThatThrownBy(() -> record(withAmount(details("FUND_POOL"), new BigDecimal(refused))))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.member()).isEqualTo("outstandingAmount"));
        }
    }

    @Test
    void cls01_aFindingCannotBeFoundAfterTodayInChina() {
        // 2016-09-30T16:30Z is already 2016-10-01 00:30 in China
        Instant at = Instant.parse("2016-09-30T16:30:00Z");
        FindingDetails today = withFoundOn(details("FUND_POOL"), LocalDate.of(2016, 10, 1));
        FindingDetails tomorrow = withFoundOn(details("FUND_POOL"), LocalDate.of(2016, 10, 2));

        assertThat(Finding.record("F-1", INSTITUTION, today, CATALOGUE, "officer-33", "33", at).foundOn())
                .isEqualTo(LocalDate.of(2016, 10, 1));
        assertThatThrownBy(() -> Finding.record("F-1", INSTITUTION, tomorrow, CATALOGUE, "officer-33", "33", at))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("CLS-01"))
                .hasMessageContaining("2016-10-02");
        assertThatThrownBy(() -> finding("F-1", "FUND_POOL").amend(tomorrow, CATALOGUE, "officer-33", "33", at))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void cls01_anUnknownProblemOrMissingContentIsRefused() {
        assertThatThrownBy(() -> record(new FindingDetails("NO_SUCH", details("FUND_POOL").evidence(),
                FindingSource.OTHER_AGENCY, LocalDate.of(2016, 7, 1), null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.member()).isEqualTo("problemCode"));
        assertThatThrownBy(() -> record(new FindingDetails("FUND_POOL", null, FindingSource.OTHER_AGENCY,
                LocalDate.of(2016, 7, 1), BigDecimal.ONE))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo("evidence"));
        assertThatThrownBy(() -> record(new FindingDetails("FUND_POOL", details("FUND_POOL").evidence(), null,
                LocalDate.of(2016, 7, 1), BigDecimal.ONE))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo("source"));
        assertThatThrownBy(() -> Finding.record(" ", INSTITUTION, details("FUND_POOL"), CATALOGUE, "o", "33", AT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.member()).isEqualTo("id"));
    }

    @Test
    void cls01_evidenceIsTextOfAtMost4000CharactersAndDocumentReferences() {
        String chinese4000 = String.join("", Collections.nCopies(4000, "资"));

        assertThat(new Evidence(chinese4000, List.of("卷宗-2016-001")).text()).hasSize(4000);
        assertThatThrownBy(() -> new Evidence(chinese4000 + "金", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.member()).isEqualTo("evidence.text"));
        assertThatThrownBy(() -> new Evidence("  ", List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Evidence("现场检查", List.of("ok", " ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.member()).isEqualTo("evidence.documents[1]"));
        assertThat(new Evidence("现场检查", null).documents()).isEmpty();
    }

    @Test
    void cls01_anAmendmentIsTheNextVersionAndLeavesTheOldOneAsItWas() {
        Finding v1 = finding("F-1", "FUND_POOL");
        FindingDetails corrected = new FindingDetails("FUND_POOL", new Evidence("资金流水核查：归集出借人资金", List.of("LS-7")),
                FindingSource.OFF_SITE_ANALYSIS, LocalDate.of(2016, 7, 20), new BigDecimal("980000.50"));

        Finding v2 = v1.amend(corrected, CATALOGUE, "officer-34", "33", LATER);

        assertThat(v2.id()).isEqualTo(v1.id());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.details()).isEqualTo(corrected);
        assertThat(v2.recordedBy()).isEqualTo("officer-34");
        assertThat(v2.recordedAt()).isEqualTo(LATER);
        assertThat(v2.isActive()).isTrue();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.details()).isEqualTo(details("FUND_POOL"));
        assertThat(v2.amend(corrected, CATALOGUE, "officer-34", "33", LATER).version()).isEqualTo(3);
    }

    @Test
    void cls01_anAmendmentIsCheckedLikeARecord() {
        Finding v1 = finding("F-1", "FUND_POOL");

        assertThatThrownBy(() -> v1.amend(withAmount(details("FUND_POOL"), null), CATALOGUE, "o", "33", LATER))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void cls01_withdrawingNeedsAReason() {
        Finding v1 = finding("F-1", "FUND_POOL");

        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> v1.withdraw(reason, "officer-33", "33", LATER))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.rule()).isEqualTo("CLS-01"));
        }
        Finding withdrawn = v1.withdraw(" 复核后确认资金已由存管银行管理 ", "officer-33", "33", LATER);

        assertThat(withdrawn.version()).isEqualTo(2);
        assertThat(withdrawn.state()).isEqualTo(FindingState.WITHDRAWN);
        assertThat(withdrawn.isActive()).isFalse();
        assertThat(withdrawn.withdrawalReason()).isEqualTo("复核后确认资金已由存管银行管理");
        assertThat(withdrawn.details()).isEqualTo(v1.details());
    }

    @Test
    void cls01_aWithdrawnFindingCannotBeAmendedNorWithdrawnAgain() {
        Finding withdrawn = finding("F-1", "FUND_POOL").withdraw("重复登记", "officer-33", "33", LATER);

        assertThatThrownBy(() -> withdrawn.amend(details("FUND_POOL"), CATALOGUE, "officer-33", "33", LATER))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("CLS-01"))
                .hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> withdrawn.withdraw("再次撤回", "officer-33", "33", LATER))
                .isInstanceOf(RuleViolationException.class);
    }

    private static Finding record(FindingDetails details) {
        return Finding.record("F-1", INSTITUTION, details, CATALOGUE, "officer-33", "33", AT);
    }

    private static FindingDetails withAmount(FindingDetails d, BigDecimal amount) {
        return new FindingDetails(d.problemCode(), d.evidence(), d.source(), d.foundOn(), amount);
    }

    private static FindingDetails withFoundOn(FindingDetails d, LocalDate foundOn) {
        return new FindingDetails(d.problemCode(), d.evidence(), d.source(), foundOn, d.outstandingAmount());
    }
}
