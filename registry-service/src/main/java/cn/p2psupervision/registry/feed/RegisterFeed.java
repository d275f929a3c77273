package cn.p2psupervision.registry.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import cn.p2psupervision.registry.institution.InstitutionStore;
import cn.p2psupervision.registry.institution.RegisterChanges;

/**
 * The institution reference data the other contexts project (REG-08 statuses, AUTH-02 provinces), from the register's
 * commit sequence ({@link RegisterChanges}): a full read for a consumer's first load or a resync, and the change feed
 * that keeps it current afterwards. Delivery is at least once and never skips a change: the feed stops before a
 * sequence number whose record is not written yet, and asks the consumer to reload when the register says so or a
 * writer died between its two steps.
 */
@Service
public class RegisterFeed {

    /** A counter advanced without its change record for this long means a writer died in between. */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(2);
    /** Gaps remembered longer than this are forgotten (filled meanwhile, or every consumer has resynced past them). */
    private static final Duration GAP_MEMORY = Duration.ofMinutes(1);

    private final InstitutionStore store;
    private final RegisterChanges changes;
    private final Clock clock;
    /** When this replica first met each missing sequence number. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();

    public RegisterFeed(InstitutionStore store, RegisterChanges changes, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Every institution's reference data, a page at a time in id order. {@code seq} is read before the page, so
     * whatever changes while the consumer pages is in the feed after {@code seq}.
     *
     * @param after the last id of the previous page, or null for the first page
     */
    public ReferencePage reference(String after, int limit) {
        long seq = changes.current();
        List<ReferenceData> page = store.filesAfter(after, limit + 1).stream().map(ReferenceData::of).toList();
        boolean more = page.size() > limit;
        List<ReferenceData> content = more ? page.subList(0, limit) : page;
        return new ReferencePage(seq, more ? content.get(limit - 1).id() : null, content);
    }

    /**
     * The current reference data of the institutions named by the changes after {@code after}, taken in order and
     * whole until the page holds {@code limit} institutions (one change is always taken, so a bulk import's batch may
     * make a page longer), and the sequence number to continue from. Stops before the first change not recorded yet;
     * answers {@code resync} at a reload entry, or at a missing change that has stayed missing for
     * {@link #GAP_PATIENCE}.
     */
    public ChangePage changes(long after, int limit) {
        long latest = changes.current();
        if (after >= latest) {
            return new ChangePage(after, latest, false, List.of());
        }
        long next = after;
        Set<String> ids = new LinkedHashSet<>();
        for (RegisterChanges.Change change : changes.between(after + 1, Math.min(latest, after + limit))) {
            if (change.seq() != next + 1) {
                break; // a writer between its two steps: never skip its change
            }
            if (change.reload()) {
                return resync(after, latest);
            }
            Set<String> with = new LinkedHashSet<>(ids);
            with.addAll(change.institutionIds());
            if (with.size() > limit && next > after) {
                break;
            }
            ids = with;
            next = change.seq();
        }
        if (next == after && missingTooLong(after + 1)) {
            return resync(after, latest);
        }
        return new ChangePage(next, latest, false, store.filesOf(ids).stream().map(ReferenceData::of).toList());
    }

    private static ChangePage resync(long after, long latest) {
        return new ChangePage(after, latest, true, List.of());
    }

    /** True once the change {@code seq} has been missing for {@link #GAP_PATIENCE} as this replica saw it. */
    private boolean missingTooLong(long seq) {
        Instant now = clock.instant();
        gapsSeen.values().removeIf(seen -> seen.isBefore(now.minus(GAP_MEMORY)));
        Instant first = gapsSeen.computeIfAbsent(seq, missing -> now);
        return !first.plus(GAP_PATIENCE).isAfter(now);
    }

    /**
     * A page of every institution's reference data.
     *
     * @param seq  the register's commit sequence before the page was read: follow the feed from here
     * @param next the {@code after} of the next page, or null when this is the last
     */
    public record ReferencePage(long seq, String next, List<ReferenceData> institutions) {
    }

    /**
     * A page of the change feed.
     *
     * @param next         the {@code after} of the next request: every change up to it is in this page (or in an
     *                     earlier one)
     * @param latest       the register's commit sequence when the page was read; {@code next} is behind it while
     *                     changes remain or one is not recorded yet
     * @param resync       reload everything through the reference pages, then follow from their {@code seq}
     * @param institutions the current data of each institution the changes name, once each
     */
    public record ChangePage(long next, long latest, boolean resync, List<ReferenceData> institutions) {
    }
}
