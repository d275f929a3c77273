package cn.p2psupervision.platform.registryfeed;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps this service's projection of the registry's institutions current (issue 7): every
 * {@code platform.registry-feed.poll-delay} (2 s), on one replica at a time (ShedLock lock {@value #LOCK} in the
 * service's own database). Without a cursor it loads every institution through the reference pages and continues
 * from the sequence number the first page was read at; then it follows the change feed, saving the cursor after each
 * page it applied. When the registry answers {@code resync}, it loads everything again.
 *
 * <p>When the registry (or Keycloak, for the service token) cannot be reached, it says so once at WARN, keeps its
 * cursor and tries again at the next poll; nothing it meets ever stops the service.
 */
public class RegistryFeedPoller {

    static final String LOCK = "registry-feed";
    /** Feed pages applied in one poll at most, so that a poll ends well within its lock after a bulk import. */
    private static final int MAX_PAGES_PER_POLL = 100;
    private static final Logger log = LoggerFactory.getLogger(RegistryFeedPoller.class);

    private final RegistryFeed registry;
    private final InstitutionReferences references;
    private final int pageSize;
    /** Real time for {@code polledAt} (an operational figure), not the domain clock, which may stand in 2017. */
    private final Clock clock;
    private volatile boolean unavailable;

    RegistryFeedPoller(RegistryFeed registry, InstitutionReferences references, int pageSize, Clock clock) {
        this.registry = registry;
        this.references = references;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /** One poll: load or follow the feed as far as it goes now. */
    @Scheduled(fixedDelayString = "${platform.registry-feed.poll-delay}",
            initialDelayString = "${platform.registry-feed.poll-delay}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${platform.registry-feed.lock-at-most-for}")
    public void poll() {
        try {
            long reached = references.position().map(position -> follow(position.seq())).orElseGet(this::load);
            if (unavailable) {
                unavailable = false;
                log.info("Registry feed reachable again; applied up to sequence {}", reached);
            }
        } catch (RuntimeException failure) {
            if (!unavailable) {
                unavailable = true;
                log.warn("Registry feed unavailable; keeping the cursor at {} and trying again at every poll: {}",
                        cursor(), failure.toString());
            } else {
                log.debug("Registry feed still unavailable: {}", failure.toString());
            }
        }
    }

    private String cursor() {
        try {
            return references.position().map(position -> String.valueOf(position.seq()))
                    .orElse("(none: not loaded yet)");
        } catch (RuntimeException unreadable) {
            return "(unreadable: the database is unavailable too)";
        }
    }

    /** Every institution through the reference pages; the feed is followed from the first page's sequence. */
    private long load() {
        RegistryFeedClient.ReferencePage page = registry.reference(null, pageSize);
        long seq = page.seq();
        int institutions = 0;
        while (true) {
            references.apply(page.institutions());
            institutions += page.institutions().size();
            if (page.next() == null) {
                break;
            }
            page = registry.reference(page.next(), pageSize);
        }
        references.advance(seq, seq, clock.instant());
        log.info("Registry reference data loaded: {} institutions; following the change feed from sequence {}",
                institutions, seq);
        return seq;
    }

    /** The change feed from {@code cursor}, page by page while it moves on. */
    private long follow(long cursor) {
        for (int pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
            RegistryFeedClient.ChangePage page = registry.changes(cursor, pageSize);
            if (page.resync()) {
                log.info("The registry asks for a resync after sequence {}: loading every institution again", cursor);
                return load();
            }
            references.apply(page.institutions());
            references.advance(page.next(), page.latest(), clock.instant());
            if (page.next() == cursor || page.next() >= page.latest()) {
                return page.next();
            }
            cursor = page.next();
        }
        return cursor;
    }
}
