package cn.p2psupervision.registry.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** REG-08/REG-09: the status an institution had on a given day, from its register line's history. */
class StatusSinceTest {

    private static final List<StatusSince> HISTORY = List.of(
            new StatusSince(InstitutionStatus.OPERATING, null),
            new StatusSince(InstitutionStatus.LOST_CONTACT, LocalDate.of(2017, 4, 10)),
            new StatusSince(InstitutionStatus.ABSCONDED, LocalDate.of(2017, 5, 20)),
            // recorded later, dated earlier: a correction of when it was lost
            new StatusSince(InstitutionStatus.LOST_CONTACT, LocalDate.of(2017, 3, 1)));

    @Test
    void reg09_theStatusOnADayIsTheLatestDatedOneNotAfterIt() {
        assertThat(StatusSince.on(HISTORY, LocalDate.of(2017, 2, 28), InstitutionStatus.FILED))
                .isEqualTo(InstitutionStatus.OPERATING);
        assertThat(StatusSince.on(HISTORY, LocalDate.of(2017, 3, 31), InstitutionStatus.FILED))
                .isEqualTo(InstitutionStatus.LOST_CONTACT);
        assertThat(StatusSince.on(HISTORY, LocalDate.of(2017, 4, 10), InstitutionStatus.FILED))
                .isEqualTo(InstitutionStatus.LOST_CONTACT);
        assertThat(StatusSince.on(HISTORY, LocalDate.of(2017, 5, 31), InstitutionStatus.FILED))
                .isEqualTo(InstitutionStatus.ABSCONDED);
    }

    @Test
    void reg09_withoutAHistoryTheCurrentStatusCounts() {
        assertThat(StatusSince.on(List.of(), LocalDate.of(2017, 5, 31), InstitutionStatus.BANNED))
                .isEqualTo(InstitutionStatus.BANNED);
    }

    @Test
    void reg08_aLineRecordsAStatusOnlyWhenItChanges() {
        InstitutionFile v1 = InstitutionFile.register(new CreditCode("91330106MA27XQ1X0" + CreditCode.checkCharacter("91330106MA27XQ1X0")),
                "33", new Facts("History Co.", null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null),
                new FactSource(FactSource.Source.INDUSTRY_DATABASE, LocalDate.of(2017, 5, 1), "central", null, false),
                java.time.Instant.parse("2017-06-01T01:00:00Z"));
        List<StatusSince> first = StatusSince.append(List.of(), v1);
        assertThat(first).containsExactly(new StatusSince(InstitutionStatus.OPERATING, null));
        assertThat(StatusSince.append(first, v1)).isSameAs(first);

        InstitutionFile v2 = v1.changeStatus(InstitutionStatus.BANNED, new FactSource(
                FactSource.Source.SUPERVISORY_DECISION, LocalDate.of(2017, 5, 31), "svc", "33", false),
                java.time.Instant.parse("2017-06-02T01:00:00Z"));
        assertThat(StatusSince.append(first, v2)).containsExactly(new StatusSince(InstitutionStatus.OPERATING, null),
                new StatusSince(InstitutionStatus.BANNED, LocalDate.of(2017, 5, 31)));
    }
}
