package cn.p2psupervision.registry.institution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * REG-08/REG-09: a status and the date from which it held, as the status fact's source states it ({@code since} null:
 * from the start). A register line keeps the sequence, so statistics can count institutions by their status at the
 * end of any period, not by today's.
 */
public record StatusSince(InstitutionStatus status, LocalDate since) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** {@code history} followed by the file's status when it differs from the last one recorded. */
    static List<StatusSince> append(List<StatusSince> history, InstitutionFile file) {
        InstitutionStatus status = file.facts().status();
        if (history.isEmpty()) {
            return List.of(new StatusSince(status, null));
        }
        if (history.get(history.size() - 1).status() == status) {
            return history;
        }
        FactSource source = file.provenance().get("status");
        LocalDate since = source != null && source.asOf() != null ? source.asOf()
                : LocalDate.ofInstant(file.updatedAt(), CHINA);
        List<StatusSince> longer = new ArrayList<>(history);
        longer.add(new StatusSince(status, since));
        return longer;
    }

    /**
     * The status on {@code day}: of the entries dated on or before it (the first one, undated, always is), the
     * latest-dated, and of two with the same date the one recorded later; {@code current} when there is no history.
     */
    public static InstitutionStatus on(List<StatusSince> history, LocalDate day, InstitutionStatus current) {
        InstitutionStatus status = current;
        LocalDate best = null;
        for (StatusSince entry : history) {
            LocalDate since = entry.since() == null ? LocalDate.MIN : entry.since();
            if (!since.isAfter(day) && (best == null || !since.isBefore(best))) {
                status = entry.status();
                best = since;
            }
        }
        return status;
    }
}
