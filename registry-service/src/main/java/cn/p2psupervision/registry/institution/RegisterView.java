package cn.p2psupervision.registry.institution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.ProvinceScope;

/**
 * This replica's copy of the register lines (REG-09, REG-10, AUTH-02): lists, counts, groups and statistics answer
 * from it instead of querying the store on every request. Before each answer it reads the shared commit sequence
 * ({@link RegisterChanges}, one {@code _id} lookup); when another write has happened on any replica it re-reads just the
 * lines the new changes name. So an answer is never older than the last write acknowledged before it was asked for
 * (read-your-writes for the writer, and for everyone else), and work is redone only for what changed.
 *
 * <p>The lines are small by design ({@link InstitutionEntry}): 10,000 of them take a few megabytes. Sorted lists of a
 * scope are kept per snapshot, so repeated pages of the same list cost a slice.
 */
@Component
public class RegisterView {

    private static final Logger log = LoggerFactory.getLogger(RegisterView.class);
    /** More changes than this since the snapshot: reload everything rather than fetch them one by one. */
    private static final int MAX_STEP = 2_000;
    /** Changes remembered for {@link #changedSince}: statistics refresh the figures of just these files. */
    private static final int REMEMBERED = 20_000;
    /** A counter advanced without its change record for this long means a writer died in between: reload. */
    private static final long GAP_PATIENCE_MILLIS = 2_000;
    /** Sorted lists kept per snapshot. */
    private static final int MAX_SORTED = 256;

    private final InstitutionStore store;
    private final RegisterChanges changes;
    private final Clock clock;
    private final Object refresh = new Object();
    private final Deque<Applied> applied = new ArrayDeque<>();
    private volatile Snapshot snapshot;
    private long position;
    private long gapSeq = -1;
    private Instant gapSeen;

    public RegisterView(InstitutionStore store, RegisterChanges changes, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    /** Loads the lines when the service is ready, so the first reader does not pay for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        current();
    }

    /** The lines as of now: everything acknowledged before this call is in. */
    public Snapshot current() {
        long latest = changes.current();
        Snapshot known = snapshot;
        if (known != null && known.seq() >= latest) {
            return known;
        }
        synchronized (refresh) {
            known = snapshot;
            if (known == null || latest - known.seq() > MAX_STEP) {
                snapshot = load(latest);
            } else if (known.seq() < latest) {
                snapshot = advance(known, latest);
            }
            return snapshot;
        }
    }

    /**
     * The files whose lines or figures changed after {@code since} (a {@link Snapshot#position()}), or empty when this
     * replica no longer remembers that far back (the caller starts afresh).
     */
    public Optional<Set<String>> changedSince(long since) {
        synchronized (refresh) {
            if (since == position) {
                return Optional.of(Set.of());
            }
            if (applied.isEmpty() || applied.peekFirst().position() > since + 1 || since > position) {
                return Optional.empty();
            }
            Set<String> ids = new HashSet<>();
            for (Applied change : applied) {
                if (change.position() > since) {
                    ids.add(change.institutionId());
                }
            }
            return Optional.of(ids);
        }
    }

    private Snapshot load(long latest) {
        long started = System.nanoTime();
        Map<String, InstitutionEntry> lines = new HashMap<>();
        try (Stream<InstitutionEntry> all = store.allEntries()) {
            all.forEach(line -> lines.put(line.id(), line));
        }
        applied.clear();
        position++;
        log.info("Register view loaded: {} lines at sequence {} in {} ms", lines.size(), latest,
                (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(latest, Collections.unmodifiableMap(lines), position, Set.of(), new ConcurrentHashMap<>());
    }

    /**
     * Applies the changes after the snapshot. All recorded ones are applied (so a writer always sees its own change),
     * but the snapshot's sequence stops before the first one not recorded yet, which the next call fetches again.
     */
    private Snapshot advance(Snapshot known, long latest) {
        List<RegisterChanges.Change> recorded = changes.between(known.seq() + 1, latest);
        long contiguous = known.seq();
        for (RegisterChanges.Change change : recorded) {
            if (change.seq() == contiguous + 1) {
                contiguous++;
            }
        }
        if (recorded.stream().anyMatch(RegisterChanges.Change::reload)) {
            return load(latest);
        }
        if (contiguous < latest && !waitForGap(contiguous + 1)) {
            log.warn("Register change {} was never recorded (a writer stopped in between): reloading", contiguous + 1);
            return load(latest);
        }
        // While a change is missing, the ones after it are applied but the sequence stays before the gap, so the
        // next request asks for them again: apply only those this snapshot does not hold yet.
        Set<String> ids = new LinkedHashSet<>();
        Set<Long> ahead = new HashSet<>();
        for (RegisterChanges.Change change : recorded) {
            if (!known.ahead.contains(change.seq())) {
                ids.addAll(change.institutionIds());
            }
            if (change.seq() > contiguous) {
                ahead.add(change.seq());
            }
        }
        if (ids.isEmpty()) {
            // nothing new to apply: the same lines (and their sorted lists), with the sequence moved on
            return contiguous == known.seq() && ahead.equals(known.ahead) ? known
                    : new Snapshot(contiguous, known.lines, known.position, Set.copyOf(ahead), known.sorted);
        }
        if (ids.size() > MAX_STEP) {
            return load(latest); // after a bulk import: one pass over all lines beats looking up most of them
        }
        Map<String, InstitutionEntry> lines = new HashMap<>(known.lines());
        Map<String, InstitutionEntry> fresh = store.entriesByIds(ids);
        for (String id : ids) {
            InstitutionEntry line = fresh.get(id);
            if (line == null) {
                lines.remove(id);
            } else {
                lines.put(id, line);
            }
        }
        for (String id : ids) {
            applied.addLast(new Applied(++position, id));
        }
        while (applied.size() > REMEMBERED) {
            applied.removeFirst();
        }
        return new Snapshot(contiguous, Collections.unmodifiableMap(lines), position, Set.copyOf(ahead),
                new ConcurrentHashMap<>());
    }

    /** True while the missing change {@code seq} may still be in flight. */
    private boolean waitForGap(long seq) {
        Instant now = clock.instant();
        if (gapSeq != seq) {
            gapSeq = seq;
            gapSeen = now;
            return true;
        }
        return now.toEpochMilli() - gapSeen.toEpochMilli() < GAP_PATIENCE_MILLIS;
    }

    private record Applied(long position, String institutionId) {
    }

    /**
     * The register lines at a point of the commit sequence.
     *
     * @param seq      every change up to this number is in
     * @param position identifies this snapshot's content for {@link #changedSince}
     * @param ahead    changes after {@code seq} that are in too (recorded after one that is not yet)
     * @param sorted   sorted lists of these lines, shared by the snapshots that hold the same lines
     */
    public static final class Snapshot {
        private final long seq;
        private final Map<String, InstitutionEntry> lines;
        private final long position;
        private final Set<Long> ahead;
        private final Map<SortedKey, List<InstitutionEntry>> sorted;

        private Snapshot(long seq, Map<String, InstitutionEntry> lines, long position, Set<Long> ahead,
                         Map<SortedKey, List<InstitutionEntry>> sorted) {
            this.seq = seq;
            this.lines = lines;
            this.position = position;
            this.ahead = ahead;
            this.sorted = sorted;
        }

        public long seq() {
            return seq;
        }

        public long position() {
            return position;
        }

        public Map<String, InstitutionEntry> lines() {
            return lines;
        }

        /** AUTH-02: every line the caller may read. */
        public Stream<InstitutionEntry> readable(ProvinceScope.ReadableRecords readable) {
            return lines.values().stream().filter(inScope(readable));
        }

        /** AUTH-02/REG-10: one page of the lines the caller may read under {@code filter}, and how many there are. */
        public Page page(ProvinceScope.ReadableRecords readable, EntryFilter filter, PageParameters paging) {
            List<InstitutionEntry> all = sorted.computeIfAbsent(new SortedKey(readable, filter, paging.sortField(),
                    paging.ascending()), key -> {
                        if (sorted.size() >= MAX_SORTED) {
                            sorted.clear();
                        }
                        return readable(readable).filter(matches(filter)).sorted(order(paging)).toList();
                    });
            int from = Math.min(paging.offset(), all.size());
            int to = Math.min(from + paging.size(), all.size());
            return new Page(all.subList(from, to), all.size());
        }

        /** REG-04: the lines linked to {@code file} through its controllers, by name. */
        public List<InstitutionEntry> group(InstitutionFile file) {
            Set<String> keys = Set.copyOf(file.controllerKeys());
            String own = "CC:" + file.creditCode();
            return lines.values().stream()
                    .filter(line -> line.controllerKeys().contains(own)
                            || line.controllerKeys().stream().anyMatch(keys::contains)
                            || keys.contains("CC:" + line.creditCode()))
                    .sorted(Comparator.comparing(InstitutionEntry::nameKey).thenComparing(InstitutionEntry::creditCode))
                    .toList();
        }
    }

    /** A page of lines and the number of lines in the list. */
    public record Page(List<InstitutionEntry> content, long total) {
    }

    private record SortedKey(ProvinceScope.ReadableRecords readable, EntryFilter filter, String field,
                             boolean ascending) {
    }

    private static Predicate<InstitutionEntry> inScope(ProvinceScope.ReadableRecords readable) {
        if (readable.all()) {
            return line -> true;
        }
        return readable.province().<Predicate<InstitutionEntry>>map(p -> line -> p.equals(line.registeredProvince())
                || line.businessProvinces().contains(p)).orElse(line -> false);
    }

    private static Predicate<InstitutionEntry> matches(EntryFilter filter) {
        String prefix = filter.namePrefix() == null || filter.namePrefix().isBlank() ? null
                : filter.namePrefix().toLowerCase(Locale.ROOT);
        String controller = filter.controller() == null || filter.controller().isBlank() ? null
                : filter.controller().trim().toUpperCase(Locale.ROOT);
        return line -> (filter.province() == null || filter.province().equals(line.registeredProvince()))
                && (filter.status() == null || filter.status() == line.status())
                && (filter.crossRegion() == null || filter.crossRegion() == line.crossRegion())
                && (prefix == null || line.nameKey().startsWith(prefix))
                && (controller == null || line.controllerKeys().contains("CC:" + controller)
                || line.controllerKeys().contains("ID:" + controller))
                && (filter.verificationState() == null || filter.verificationState() == line.verificationState());
    }

    /** The list's order: the sort field (absent values first, as the store sorts them), then the credit code. */
    private static Comparator<InstitutionEntry> order(PageParameters paging) {
        Comparator<InstitutionEntry> byField = switch (paging.sortField()) {
            case "creditCode" -> Comparator.comparing(InstitutionEntry::creditCode);
            case "registeredProvince" -> nullsFirst(InstitutionEntry::registeredProvince);
            case "latestReport.loanBalance" -> nullsFirst(line -> line.latestReport() == null ? null
                    : line.latestReport().loanBalance());
            case "updatedAt" -> nullsFirst(InstitutionEntry::updatedAt);
            default -> nullsFirst(InstitutionEntry::nameKey);
        };
        return (paging.ascending() ? byField : byField.reversed())
                .thenComparing(InstitutionEntry::creditCode);
    }

    private static <T extends Comparable<? super T>> Comparator<InstitutionEntry> nullsFirst(
            Function<InstitutionEntry, T> field) {
        return Comparator.comparing(field, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

}
