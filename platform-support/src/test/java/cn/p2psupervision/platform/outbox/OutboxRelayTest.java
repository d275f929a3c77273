package cn.p2psupervision.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox relay on a real (embedded) store: an entry stored with its decision is delivered once the receiver takes
 * it, retried with a doubling delay while the receiver fails, and kept as refused when the receiver refuses it for good.
 * REG-08: this is how another context's decision reaches the registry's status.
 */
class OutboxRelayTest {

    /** An aggregate as a context stores it: its own fields and its outbox entries, in one document. */
    record Decision(@Id String id, String category, List<OutboxEntry> outbox) {
    }

    static final String DECISIONS = "decisions";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    Instant now = Instant.parse("2026-11-22T08:00:00Z");
    final List<String> delivered = new ArrayList<>();
    RuntimeException nextFailure;

    final OutboxDelivery registryStatus = new OutboxDelivery() {
        @Override
        public String kind() {
            return "registry-status";
        }

        @Override
        public void deliver(String entryId, Map<String, Object> payload) {
            if (nextFailure != null) {
                throw nextFailure;
            }
            delivered.add(entryId + ":" + payload.get("status"));
        }
    };

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "outbox-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void reg08_anEntryStoredWithItsDecisionIsDeliveredOnceAndMarkedDelivered() {
        mongo.insert(decision("d1", "BANNING", entry("e1", "BANNED")), DECISIONS);

        assertThat(relay().relay()).isEqualTo(1);
        assertThat(relay().relay()).isZero();

        assertThat(delivered).containsExactly("e1:BANNED");
        OutboxEntry entry = stored("d1").get(0);
        assertThat(entry.state()).isEqualTo(OutboxEntry.State.DELIVERED);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.deliveredAt()).isEqualTo(now);
        assertThat(mongo.findById("d1", Decision.class, DECISIONS).category()).isEqualTo("BANNING");
    }

    @Test
    void reg08_whileTheReceiverIsDownTheEntryIsRetriedWithADoublingDelayUpToTheLongest() {
        mongo.insert(decision("d2", "BANNING", entry("e2", "BANNED")), DECISIONS);
        nextFailure = new IllegalStateException("registry-service unavailable");
        OutboxRelay relay = relay();

        relay.relay();
        OutboxEntry first = stored("d2").get(0);
        assertThat(first.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(now.plusSeconds(1));
        assertThat(first.lastError()).isEqualTo("registry-service unavailable");

        assertThat(relay.relay()).as("not due yet").isZero();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant due = stored("d2").get(0).nextAttemptAt();
            now = due;
            relay.relay();
            delays.add(Duration.between(due, stored("d2").get(0).nextAttemptAt()));
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(2L, 4L, 8L, 15L, 15L, 15L);

        nextFailure = null;
        now = stored("d2").get(0).nextAttemptAt();
        relay.relay();
        assertThat(delivered).containsExactly("e2:BANNED");
        assertThat(stored("d2").get(0).state()).isEqualTo(OutboxEntry.State.DELIVERED);
        assertThat(stored("d2").get(0).attempts()).isEqualTo(8);
    }

    @Test
    void reg08_aRefusalForGoodIsKeptWithItsReasonAndNotRetried() {
        mongo.insert(decision("d3", "BANNING", entry("e3", "BANNED")), DECISIONS);
        nextFailure = new OutboxDelivery.Refused("422 REG-08: decidedOn lies in the future");

        relay().relay();
        now = now.plus(Duration.ofHours(1));
        assertThat(relay().relay()).isZero();

        OutboxEntry entry = stored("d3").get(0);
        assertThat(entry.state()).isEqualTo(OutboxEntry.State.REFUSED);
        assertThat(entry.lastError()).contains("REG-08");
    }

    @Test
    void onlyTheDueEntriesOfADocumentAreTriedAndAnUnknownKindIsRefused() {
        OutboxEntry done = entry("e4", "BANNED").delivered(now);
        OutboxEntry later = new OutboxEntry("e5", "registry-status", Map.of("status", "CLOSED"),
                OutboxEntry.State.PENDING, 1, now.plusSeconds(30), "earlier failure", now, null);
        OutboxEntry unknown = OutboxEntry.pending("e6", "fax", Map.of(), now);
        OutboxEntry due = entry("e7", "RECTIFYING");
        mongo.insert(decision("d4", "RECTIFICATION", done, later, unknown, due), DECISIONS);

        assertThat(relay().relay()).isEqualTo(2);

        assertThat(delivered).containsExactly("e7:RECTIFYING");
        assertThat(stored("d4")).extracting(OutboxEntry::id, OutboxEntry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e4", OutboxEntry.State.DELIVERED),
                org.assertj.core.groups.Tuple.tuple("e5", OutboxEntry.State.PENDING),
                org.assertj.core.groups.Tuple.tuple("e6", OutboxEntry.State.REFUSED),
                org.assertj.core.groups.Tuple.tuple("e7", OutboxEntry.State.DELIVERED));
    }

    private OutboxRelay relay() {
        return new OutboxRelay(mongo, List.of(registryStatus),
                new OutboxProperties(List.of(DECISIONS), null, null, null, null, null), clock());
    }

    private OutboxEntry entry(String id, String status) {
        return OutboxEntry.pending(id, "registry-status", Map.of("institutionId", "inst-1", "status", status), now);
    }

    private static Decision decision(String id, String category, OutboxEntry... entries) {
        return new Decision(id, category, List.of(entries));
    }

    private List<OutboxEntry> stored(String id) {
        return mongo.findById(id, Decision.class, DECISIONS).outbox();
    }

    /** Reads {@link #now}, which a test moves. */
    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
