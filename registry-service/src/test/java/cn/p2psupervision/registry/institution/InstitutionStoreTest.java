package cn.p2psupervision.registry.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * REG-07: the version record is the commit point. A write killed after it leaves no orphan (the next read completes
 * the file and the audit entry), and a retry leaves no duplicate.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
class InstitutionStoreTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(7000);
    private static final Caller ZJ = new Caller("id-zj", "zj-officer", Set.of(PlatformRole.PROVINCIAL_OFFICER), "33",
            "FINANCIAL_OFFICE");

    @Autowired
    InstitutionStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void reg07_aWriteKilledAfterItsVersionRecordIsCompletedByTheNextRead() {
        InstitutionFile v1 = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        InstitutionFile v2 = v1.amend(withName(v1.facts(), "Renamed Lending Co"), source(), Instant.parse("2017-06-02T00:00:00Z"));
        // the process dies right after the commit point: only the version record is written
        mongo.insert(new InstitutionVersion(InstitutionVersion.idOf(v2.id(), 2), v2.id(), 2, "AMEND", "rename", v2.updatedAt(),
                by(), List.of("name"), "key-2", v2.withoutFigures(), null), InstitutionStore.VERSIONS);
        assertThat(mongo.findById(v1.id(), InstitutionFile.class, InstitutionStore.FILES).version()).isEqualTo(1);

        InstitutionFile read = store.find(v1.id()).orElseThrow();

        assertThat(read.version()).isEqualTo(2);
        assertThat(read.facts().name()).isEqualTo("Renamed Lending Co");
        assertThat(mongo.findById(v1.id(), InstitutionFile.class, InstitutionStore.FILES).version()).isEqualTo(2);
        InstitutionEntry entry = mongo.findById(v1.id(), InstitutionEntry.class, InstitutionStore.ENTRIES);
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.name()).isEqualTo("Renamed Lending Co");
        assertThat(auditEntries(v1.id())).isEqualTo(2);
        store.find(v1.id());
        assertThat(auditEntries(v1.id())).as("deriving again adds no audit entry").isEqualTo(2);
    }

    @Test
    void reg07_aRegistrationKilledAfterItsVersionRecordIsCompletedByTheNextRead() {
        InstitutionFile file = newFile();
        mongo.insert(new InstitutionVersion(InstitutionVersion.idOf(file.id(), 1), file.id(), 1, "REGISTER", null,
                file.updatedAt(), by(), List.of("name"), "key-1", file, null), InstitutionStore.VERSIONS);

        assertThat(store.find(file.id())).hasValueSatisfying(f -> assertThat(f.version()).isEqualTo(1));
        assertThat(auditEntries(file.id())).isEqualTo(1);
    }

    @Test
    void reg07_aProjectionKilledAfterTheRegisterLineIsCompletedByTheNextRead() {
        InstitutionFile v1 = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        InstitutionFile v2 = v1.amend(withName(v1.facts(), "Line First"), source(), Instant.parse("2017-06-02T00:00:00Z"));
        mongo.insert(new InstitutionVersion(InstitutionVersion.idOf(v2.id(), 2), v2.id(), 2, "AMEND", "rename", v2.updatedAt(),
                by(), List.of("name"), "key-2", v2.withoutFigures(), null), InstitutionStore.VERSIONS);
        // the process dies after writing the register line, before the file
        mongo.save(InstitutionEntry.of(v2, null), InstitutionStore.ENTRIES);

        assertThat(store.find(v1.id()).orElseThrow().facts().name()).isEqualTo("Line First");
        assertThat(mongo.findById(v1.id(), InstitutionFile.class, InstitutionStore.FILES).version()).isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(v1.id())), InstitutionStore.ENTRIES)).isEqualTo(1);
    }

    @Test
    void reg03_theLatestFiguresGoToTheFileAndItsLineAndAnEarlierPeriodNeverReplacesThem() {
        InstitutionFile file = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        store.recordLatestReport(file.id(), figures("2017-04", "100.00"));
        store.recordLatestReport(file.id(), figures("2017-05", "200.00"));
        store.recordLatestReport(file.id(), figures("2017-03", "50.00"));

        assertThat(store.find(file.id()).orElseThrow().latestReport().period()).isEqualTo("2017-05");
        assertThat(mongo.findById(file.id(), InstitutionEntry.class, InstitutionStore.ENTRIES).latestReport().loanBalance())
                .isEqualByComparingTo("200.00");
    }

    @Test
    void reg07_aLateDerivationOfAnOlderVersionNeverTakesTheLineOrTheFileBack() {
        InstitutionFile v1 = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        InstitutionFile v2 = store.commit(v1, v1.amend(withName(v1.facts(), "Second"), source(),
                Instant.parse("2017-06-02T00:00:00Z")), "AMEND", null, by(), "k2");
        InstitutionFile v3 = store.commit(v2, v2.amend(withName(v2.facts(), "Third"), source(),
                Instant.parse("2017-06-03T00:00:00Z")), "AMEND", null, by(), "k3");

        // the derivation of version 2 was slow and lands after version 3's
        store.project(v2);
        store.projectLine(v1);

        assertThat(mongo.findById(v1.id(), InstitutionEntry.class, InstitutionStore.ENTRIES).version()).isEqualTo(3);
        assertThat(mongo.findById(v1.id(), InstitutionEntry.class, InstitutionStore.ENTRIES).name()).isEqualTo("Third");
        assertThat(mongo.findById(v1.id(), InstitutionFile.class, InstitutionStore.FILES).version()).isEqualTo(v3.version());
    }

    @Test
    void reg07_racingDerivationsLeaveTheNewestLineAndNoReaderEverSeesItGoBack() throws Exception {
        InstitutionFile file = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        List<InstitutionFile> versions = new java.util.ArrayList<>(List.of(file));
        for (int v = 2; v <= 30; v++) {
            InstitutionFile previous = versions.get(versions.size() - 1);
            versions.add(previous.amend(withName(previous.facts(), "Name " + v), source(),
                    Instant.parse("2017-06-02T00:00:00Z").plusSeconds(v)));
        }
        java.util.concurrent.atomic.AtomicBoolean wentBack = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            long seen = 0;
            while (!done.get()) {
                long now = mongo.findById(file.id(), InstitutionEntry.class, InstitutionStore.ENTRIES).version();
                if (now < seen) {
                    wentBack.set(true);
                }
                seen = now;
            }
        });
        reader.start();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<InstitutionFile> shuffled = new java.util.ArrayList<>(versions);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        for (InstitutionFile version : shuffled) {
            pool.submit(() -> store.project(version));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        done.set(true);
        reader.join();

        assertThat(wentBack).as("a reader saw the line go back to an older version").isFalse();
        InstitutionEntry line = mongo.findById(file.id(), InstitutionEntry.class, InstitutionStore.ENTRIES);
        assertThat(line.version()).isEqualTo(30);
        assertThat(line.name()).isEqualTo("Name 30");
        assertThat(mongo.findById(file.id(), InstitutionFile.class, InstitutionStore.FILES).version()).isEqualTo(30);
    }

    @Test
    void theSameChangeKeyWithAnotherBodyIsRefusedAndWritesNothing() {
        InstitutionFile v1 = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        InstitutionFile v2 = v1.amend(withName(v1.facts(), "Once"), source(), Instant.parse("2017-06-02T00:00:00Z"));
        store.commit(v1, v2, "AMEND", null, by(), "idem", "digest-a");

        InstitutionFile other = v1.amend(withName(v1.facts(), "Other"), source(), Instant.parse("2017-06-02T00:00:00Z"));
        assertThatThrownBy(() -> store.commit(v1, other, "AMEND", null, by(), "idem", "digest-b"))
                .isInstanceOf(InstitutionStore.RetriedWithOtherBody.class);
        assertThat(store.find(v1.id()).orElseThrow().facts().name()).isEqualTo("Once");
        assertThat(store.versions(v1.id(), 10)).hasSize(2);
    }

    @Test
    void reg07_aRetryOfTheSameChangeIsRecognisedAndLeavesNoDuplicate() {
        InstitutionFile v1 = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        InstitutionFile v2 = v1.amend(withName(v1.facts(), "Once"), source(), Instant.parse("2017-06-02T00:00:00Z"));

        store.commit(v1, v2, "AMEND", null, by(), "same-request");
        InstitutionFile retried = store.commit(v1, v2, "AMEND", null, by(), "same-request");

        assertThat(retried.version()).isEqualTo(2);
        assertThat(store.versions(v1.id(), 10)).hasSize(2);
        assertThat(auditEntries(v1.id())).isEqualTo(2);
    }

    @Test
    void reg07_anotherChangeOnTheSameVersionIsStale() {
        InstitutionFile v1 = store.commit(null, newFile(), "REGISTER", "opened", by(), "key-1");
        store.commit(v1, v1.amend(withName(v1.facts(), "First"), source(), Instant.parse("2017-06-02T00:00:00Z")),
                "AMEND", null, by(), "first");

        InstitutionFile second = v1.amend(withName(v1.facts(), "Second"), source(), Instant.parse("2017-06-02T00:00:00Z"));

        assertThatThrownBy(() -> store.commit(v1, second, "AMEND", null, by(), "second"))
                .isInstanceOf(InstitutionStore.StaleVersionException.class);
        assertThat(store.find(v1.id()).orElseThrow().facts().name()).isEqualTo("First");
    }

    private long auditEntries(String id) {
        return mongo.count(Query.query(Criteria.where("entityId").is(id)), "audit_trail");
    }

    private static ReportFigures figures(String period, String loanBalance) {
        return new ReportFigures(period, 1, new java.math.BigDecimal(loanBalance), 10, 5, java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO);
    }

    private static InstitutionFile newFile() {
        String body = "913301000" + String.format("%08d", SERIAL.incrementAndGet());
        CreditCode code = new CreditCode(body + CreditCode.checkCharacter(body));
        Facts facts = new Facts("Store Test Lending " + body, null, null, null, null, null,
                LocalDate.of(2014, 1, 1), null, null, null, null, null, null, null, null);
        return InstitutionFile.register(code, "33", facts, source(), Instant.parse("2017-06-01T00:00:00Z"));
    }

    private static Facts withName(Facts facts, String name) {
        return new Facts(name, facts.registeredAddress(), facts.legalRepresentative(), facts.shareholders(),
                facts.actualControllers(), facts.registeredCapital(), facts.establishedOn(), facts.lendingStartedOn(),
                facts.websites(), facts.custodyBank(), facts.branches(), facts.entityKind(), facts.cooperatingBank(),
                facts.status(), facts.inScope());
    }

    private static FactSource source() {
        return new FactSource(FactSource.Source.BUSINESS_REGISTRATION, LocalDate.of(2017, 5, 1), "zj-officer", "33", false);
    }

    private static InstitutionVersion.ChangedBy by() {
        return InstitutionVersion.ChangedBy.of(ZJ);
    }
}
