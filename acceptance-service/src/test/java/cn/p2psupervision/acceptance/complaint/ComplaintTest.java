package cn.p2psupervision.acceptance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Actor;

/** ACC-09/ACC-10, below the HTTP layer: what a complaint accepts, how its secret is kept, how it is resolved. */
class ComplaintTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 2018-03-15 00:30 in China: still the 14th in UTC. */
    private static final Instant AT = Instant.parse("2018-03-14T16:30:00Z");
    private static final Actor OFFICER = new Actor("id-zj-officer", "zj-officer", "33", "FINANCIAL_OFFICE");

    private static Complaint lodge(String text, String contact) {
        return Complaint.lodge("TS-20180315-7K3Q9X", "inst-1", "N-inst-1-1", new Complaint.Content(text, contact),
                ComplaintSecret.issue(), AT, CHINA);
    }

    @Test
    void acc10_theTextIsKeptExactlyAsGivenAndTheDayIsChinas() {
        Complaint complaint = lodge("  <b>平台</b> 仍在\n发标 ", " ");

        assertThat(complaint.text()).isEqualTo("  <b>平台</b> 仍在\n发标 ");
        assertThat(complaint.contact()).isNull();
        assertThat(complaint.submittedOn()).isEqualTo(LocalDate.of(2018, 3, 15));
        assertThat(complaint.state()).isEqualTo(ComplaintState.OPEN);
    }

    @Test
    void acc10_textIsRequiredAndLimitedInCharactersNotUtf16Units() {
        assertThatThrownBy(() -> lodge("   ", null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo("text"));
        assertThatThrownBy(() -> lodge("x".repeat(2001), null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.describe()).isEqualTo("text must be at most 2000 characters long"));
        assertThatThrownBy(() -> lodge("ok", "c".repeat(201))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo("contact"));
        assertThatThrownBy(() -> lodge("bell\u0007", null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo("text"));

        assertThat(lodge("\uD83D\uDE00".repeat(2000), null).text()).hasSize(4000);
    }

    @Test
    void acc10_onlyTheSaltedHashOfTheSecretIsKeptAndItOpensTheComplaint() {
        ComplaintSecret.Issued issued = ComplaintSecret.issue();
        Complaint complaint = Complaint.lodge("TS-20180315-7K3Q9X", "inst-1", "N-inst-1-1",
                new Complaint.Content("text", null), issued, AT, CHINA);

        assertThat(issued.secret()).matches("([2-9A-HJKMNP-TV-Z]{5}-){4}[2-9A-HJKMNP-TV-Z]{5}");
        assertThat(complaint.secretHash()).doesNotContain(issued.secret()).hasSize(64);
        assertThat(complaint.openedBy(issued.secret())).isTrue();
        assertThat(complaint.openedBy(issued.secret().toLowerCase().replace("-", " "))).isTrue();
        assertThat(complaint.openedBy(ComplaintSecret.issue().secret())).isFalse();
        assertThat(complaint.openedBy(null)).isFalse();
        assertThat(ComplaintSecret.issue().hash()).isNotEqualTo(ComplaintSecret.issue().hash());
    }

    @Test
    void receiptNumbersNameTheDayAndSixCharactersThatCannotBeMistaken() {
        assertThat(ComplaintSecret.receiptNumber(LocalDate.of(2018, 3, 15)))
                .matches("TS-20180315-[2-9A-HJKMNP-TV-Z]{6}");
    }

    @Test
    void acc09_aComplaintIsResolvedOnceWithAReply() {
        Complaint open = lodge("平台仍在发新标", "138-0000-0000");

        assertThatThrownBy(() -> open.resolve(true, " ", OFFICER, AT, CHINA))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.member()).isEqualTo("reply"));
        Complaint resolved = open.resolve(true, "经核查属实，公示撤销，重新验收。", OFFICER, AT.plusSeconds(86_400), CHINA);

        assertThat(resolved.state()).isEqualTo(ComplaintState.FOUND_TRUE);
        assertThat(resolved.resolvedOn()).isEqualTo(LocalDate.of(2018, 3, 16));
        assertThat(resolved.version()).isEqualTo(2);
        assertThatThrownBy(() -> resolved.resolve(false, "again", OFFICER, AT, CHINA))
                .isInstanceOf(ProblemException.class);
    }
}
