package cn.p2psupervision.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Copies of versioned documents for lists and statistics: a copy is never replaced by an older one, every reader sees
 * each write completed before it asked (also one made by another replica), and what a failed copy write left behind is
 * repaired from the documents.
 */
class StampedCopiesTest {

    private final InMemoryStore store = new InMemoryStore();

    record Line(String id, long version, String state) {
    }

    private StampedCopies<Line> copies() {
        return new StampedCopies<>(store.mongo, "lines",
                copy -> new Line(copy.getString("_id"), copy.getLong("version"), copy.getString("state")));
    }

    private static StampedCopies.Copy copy(String id, long version, String state) {
        return new StampedCopies.Copy(id, version, Map.of("state", state));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCopyIsNeverReplacedByAnOlderOne() {
        StampedCopies<Line> lines = copies();
        lines.written(copy("a", 2, "APPROVED"));
        lines.written(copy("a", 1, "RECORDED")); // a slower writer of the version before
        lines.written(copy("a", 2, "RECORDED")); // the same version again

        assertThat(lines.all()).containsExactly(new Line("a", 2, "APPROVED"));
    }

    @Test
    void everyReplicaSeesEachWriteCompletedBeforeItReads() {
        StampedCopies<Line> here = copies();
        StampedCopies<Line> otherReplica = copies();
        here.written(copy("a", 1, "RECORDED"));
        assertThat(otherReplica.all()).containsExactly(new Line("a", 1, "RECORDED"));
        assertThat(otherReplica.all()).as("read again from memory").containsExactly(new Line("a", 1, "RECORDED"));

        here.written(copy("a", 2, "APPROVED"));
        here.written(copy("b", 1, "RECORDED"));

        assertThat(otherReplica.all()).containsExactlyInAnyOrder(new Line("a", 2, "APPROVED"),
                new Line("b", 1, "RECORDED"));
    }

    @Test
    void copiesMissingOrBehindTheirDocumentsAreRepairedAndSeen() {
        StampedCopies<Line> lines = copies();
        store.mongo.insert(new Document("_id", "a").append("version", 2L).append("state", "APPROVED"), "decisions");
        store.mongo.insert(new Document("_id", "b").append("version", 1L).append("state", "RECORDED"), "decisions");
        store.mongo.insert(new Document("_id", "c").append("version", 1L).append("state", "RECORDED"), "decisions");
        lines.written(copy("a", 1, "RECORDED")); // its write of version 2 was lost
        lines.written(copy("c", 1, "RECORDED"));
        assertThat(lines.all()).hasSize(2);

        java.util.function.Function<String, Optional<StampedCopies.Copy>> asStored = id -> Optional.ofNullable(
                store.mongo.findById(id, Document.class, "decisions")).map(d -> copy(id, d.getLong("version"),
                d.getString("state")));

        assertThat(lines.repair("decisions", asStored)).isEqualTo(2);
        assertThat(lines.all()).containsExactlyInAnyOrder(new Line("a", 2, "APPROVED"),
                new Line("b", 1, "RECORDED"), new Line("c", 1, "RECORDED"));
        assertThat(lines.repair("decisions", asStored)).as("nothing left behind").isZero();
    }
}
