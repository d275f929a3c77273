package cn.p2psupervision.portal.incident;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** INC-06 across events: the board of the reporting deadlines overdue now, and the breaches the scan recorded. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * The board at {@code at}: the open especially major events the user may read, each deadline overdue now (the
     * longest overdue first), the counts by registration province and the events still without their watcher.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Board(Instant at, int openEspeciallyMajor, List<Overdue> overdue, List<ProvinceCount> provinces,
                        List<String> watcherMissing) {

        public Board {
            overdue = orEmpty(overdue);
            provinces = orEmpty(provinces);
            watcherMissing = orEmpty(watcherMissing);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overdue(String eventId, String institutionId, String institutionName, String registeredProvince,
                          String title, String kind, String kindChinese, int sequence, Instant dueAt,
                          long overdueMinutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProvinceCount(String province, int openEspeciallyMajor, int overdueNow, int breachesRecorded) {
    }

    /** A deadline missed, as the scan (or the late report itself) recorded it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Breach(String eventId, String institutionId, String institutionName, String registeredProvince,
                         String kind, String kindChinese, int sequence, Instant dueAt, Instant recordedAt) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
