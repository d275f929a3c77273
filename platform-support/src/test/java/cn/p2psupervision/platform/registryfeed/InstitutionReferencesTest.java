package cn.p2psupervision.platform.registryfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.mongo.InMemoryStore;

/**
 * The projection applies the registry's references idempotently by version (issue 7): the feed delivers at least once,
 * a reload delivers everything again, and pages may bring an older state after a newer one; the stored reference only
 * ever moves to a higher version (REG-08 statuses, AUTH-02 provinces).
 */
class InstitutionReferencesTest {

    private InMemoryStore store;
    private InstitutionReferences references;

    @BeforeEach
    void open() {
        store = new InMemoryStore();
        references = new InstitutionReferences(store.mongo);
        references.createIndexes();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstReferenceOfAnInstitutionIsStoredAsDelivered() {
        InstitutionReference first = reference("i-1", 1, "OPERATING", List.of("44", "31"), "浙商银行");

        assertThat(references.apply(List.of(first))).isEqualTo(1);

        assertThat(references.find("i-1")).hasValue(first);
        assertThat(references.find("i-1").orElseThrow().hasCustodyBank()).isTrue();
        assertThat(references.find("i-2")).isEmpty();
        Document raw = store.mongo.findById("i-1", Document.class, InstitutionReferences.COLLECTION);
        assertThat(raw).doesNotContainKey("_class");
    }

    @Test
    void reg08_aHigherVersionReplacesTheStoredReferenceWhole() {
        references.apply(List.of(reference("i-1", 1, "OPERATING", List.of("44"), "浙商银行")));

        InstitutionReference banned = reference("i-1", 3, "BANNED", List.of(), null);
        assertThat(references.apply(List.of(banned))).isEqualTo(1);

        assertThat(references.find("i-1")).hasValue(banned);
        assertThat(references.find("i-1").orElseThrow().hasCustodyBank()).as("a cleared value is cleared").isFalse();
    }

    @Test
    void reg08_theSameVersionAgainChangesNothing() {
        InstitutionReference v2 = reference("i-1", 2, "SUSPENDED", List.of(), null);
        references.apply(List.of(v2));

        assertThat(references.apply(List.of(v2, v2))).isZero();

        assertThat(references.find("i-1")).hasValue(v2);
    }

    @Test
    void reg08_anOlderVersionDeliveredLaterIsIgnored() {
        InstitutionReference v5 = reference("i-1", 5, "FILED", List.of(), null);
        references.apply(List.of(v5));

        assertThat(references.apply(List.of(reference("i-1", 4, "OPERATING", List.of(), null)))).isZero();
        assertThat(references.apply(List.of(reference("i-1", 1, "OPERATING", List.of(), null)))).isZero();

        assertThat(references.find("i-1")).hasValue(v5);
    }

    @Test
    void reg08_outOfOrderWithinOnePageTheHighestVersionStays() {
        List<InstitutionReference> page = List.of(reference("i-1", 2, "SUSPENDED", List.of(), null),
                reference("i-2", 1, "OPERATING", List.of(), null),
                reference("i-1", 4, "LOST_CONTACT", List.of(), null),
                reference("i-1", 3, "ABSCONDED", List.of(), null));

        assertThat(references.apply(page)).isEqualTo(3);

        assertThat(references.find("i-1").orElseThrow().status()).isEqualTo("LOST_CONTACT");
        assertThat(references.find("i-1").orElseThrow().version()).isEqualTo(4);
        assertThat(references.find("i-2").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void reg08_aResyncReloadingEverythingKeepsTheNewestAndAddsTheMissing() {
        references.apply(List.of(reference("i-1", 7, "BANNED", List.of(), null),
                reference("i-2", 1, "OPERATING", List.of(), null)));

        // the reload's pages were read before the feed's latest change of i-1, and after one of i-2
        int applied = references.apply(List.of(reference("i-1", 6, "OPERATING", List.of(), null),
                reference("i-2", 2, "SUSPENDED", List.of(), null),
                reference("i-3", 1, "OPERATING", List.of("33"), null)));

        assertThat(applied).isEqualTo(2);
        assertThat(references.find("i-1").orElseThrow().version()).isEqualTo(7);
        assertThat(references.find("i-2").orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(references.find("i-3")).isPresent();
    }

    @Test
    void theCursorIsAbsentBeforeTheFirstLoadAndKeepsTheLastPosition() {
        assertThat(references.position()).isEmpty();

        Instant polled = Instant.parse("2026-01-05T08:00:00Z");
        references.advance(41, 45, polled);
        references.advance(43, 45, polled.plusSeconds(2));

        assertThat(references.position()).hasValue(new InstitutionReferences.FeedPosition(43, 45, polled.plusSeconds(2)));
    }

    @Test
    void inc10_everyProjectedIdIsListedInAscendingOrderAndABatchIsFoundByIdLeavingOutTheUnknown() {
        references.apply(List.of(reference("i-3", 1, "OPERATING", List.of(), null),
                reference("i-1", 1, "OPERATING", List.of(), null), reference("i-4", 1, "OPERATING", List.of(), null),
                reference("i-2", 1, "OPERATING", List.of(), null)));

        assertThat(references.ids()).containsExactly("i-1", "i-2", "i-3", "i-4");
        assertThat(references.findAll(List.of("i-2", "i-3", "i-9"))).containsOnlyKeys("i-2", "i-3");
        assertThat(references.findAll(List.of("j"))).isEmpty();
        InstitutionDirectory directory = new InstitutionDirectory(references);
        assertThat(directory.ids()).containsExactly("i-1", "i-2", "i-3", "i-4");
        assertThat(directory.findAll(List.of("i-4")).get("i-4").status()).isEqualTo("OPERATING");
    }

    static InstitutionReference reference(String id, long version, String status, List<String> businessProvinces,
                                          String custodyBank) {
        return new InstitutionReference(id, "91330100MA28A7K3X6", "杭州钱塘易贷网络科技有限公司", "33", businessProvinces,
                status, LocalDate.of(2015, 8, 12), LocalDate.of(2015, 11, 1), true, custodyBank, version);
    }
}
