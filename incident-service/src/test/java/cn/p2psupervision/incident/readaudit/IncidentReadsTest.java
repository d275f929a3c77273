package cn.p2psupervision.incident.readaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * AUTH-07: the record of reads of incident records numbers its lines 1, 2, 3… in the order recorded and without gaps,
 * also when two replicas write at once, so that the newest page of the whole record is a lookup of its numbers.
 */
class IncidentReadsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "incident");
    private final MutableClock clock = new MutableClock();

    private IncidentReads replica() {
        IncidentReads reads = starting();
        reads.createIndexes();
        return reads;
    }

    private IncidentReads starting() {
        return new IncidentReads(mongo, clock, new MongoLockProvider(mongo.getDb()));
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    private static List<Long> numbers(IncidentReads.Page page) {
        return page.content().stream().map(IncidentRead::seq).toList();
    }

    private IncidentReads.Page wholeRecord(IncidentReads reads, int page, int size) {
        return reads.query(TestCaller.CENTRAL.caller(), null, null, null, null, null, page, size);
    }

    @Test
    void auth07_twoReplicasWritingAtOnceNumberTheLinesWithoutGapOrTwice() throws Exception {
        List<IncidentReads> replicas = List.of(replica(), replica());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                IncidentReads reads = replicas.get(writer % 2);
                String event = "EV-" + writer;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        reads.record(TestCaller.GD_OFFICER.caller(), "READ_EVENT", List.of(event), List.of());
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }

        List<Long> numbers = mongo.findAll(Document.class, IncidentReads.COLLECTION).stream()
                .map(line -> line.getLong("seq")).sorted().toList();
        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
        assertThat(replicas.get(1).newest()).isEqualTo(120);
    }

    @Test
    void auth07_aPageOfTheWholeRecordIsTheLinesNumberedDownFromTheNewest() {
        IncidentReads reads = replica();
        for (int i = 1; i <= 120; i++) {
            clock.plusMinutes(1);
            reads.record(TestCaller.ZJ_OFFICER.caller(), "READ_EVENT", List.of("EV-" + i), List.of());
        }

        IncidentReads.Page first = wholeRecord(reads, 0, 50);
        assertThat(first.totalElements()).isEqualTo(120);
        assertThat(numbers(first)).containsExactlyElementsOf(LongStream.rangeClosed(71, 120).map(n -> 191 - n)
                .boxed().toList());
        assertThat(first.content().get(0).eventIds()).containsExactly("EV-120");
        assertThat(first.content().get(0).at()).isEqualTo(clock.instant());
        assertThat(numbers(wholeRecord(reads, 2, 50))).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 20).map(n -> 21 - n).boxed().toList());
        assertThat(wholeRecord(reads, 3, 50).content()).isEmpty();
    }

    @Test
    void auth07_aFilteredPageIsStillNewestFirstWithItsOwnTotal() {
        IncidentReads reads = replica();
        for (int i = 1; i <= 6; i++) {
            clock.plusMinutes(1);
            reads.record((i % 2 == 0 ? TestCaller.GD_OFFICER : TestCaller.ZJ_OFFICER).caller(), "LIST_EVENTS",
                    List.of("EV-A"), List.of());
        }

        IncidentReads.Page gd = reads.query(TestCaller.CENTRAL.caller(), "EV-A", null, "gd-officer", null, null, 0, 2);
        assertThat(gd.totalElements()).isEqualTo(3);
        assertThat(numbers(gd)).containsExactly(6L, 4L);
    }

    @Test
    void auth07_linesRecordedBeforeNumberingAreNumberedOldestFirstAfterTheNewest() {
        IncidentReads reads = replica();
        reads.record(TestCaller.ZJ_OFFICER.caller(), "READ_EVENT", List.of("EV-NEW"), List.of());
        for (String at : List.of("2018-02-01T10:00:00Z", "2018-01-15T10:00:00Z")) {
            mongo.insert(new Document("_id", "old-" + at).append("at", Instant.parse(at))
                    .append("username", "zj-officer").append("action", "READ_EVENT")
                    .append("eventIds", List.of("EV-OLD")), IncidentReads.COLLECTION);
        }

        assertThat(starting().numberOlderLines()).as("another replica, starting now").isEqualTo(2);
        assertThat(reads.numberOlderLines()).as("nothing left to number").isZero();

        IncidentReads.Page page = wholeRecord(reads, 0, 50);
        assertThat(page.totalElements()).isEqualTo(3);
        assertThat(page.content()).extracting(IncidentRead::id).containsExactly("old-2018-02-01T10:00:00Z",
                "old-2018-01-15T10:00:00Z", page.content().get(2).id());
        assertThat(numbers(page)).containsExactly(3L, 2L, 1L);
    }
}
