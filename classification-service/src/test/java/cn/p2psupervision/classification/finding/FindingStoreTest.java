package cn.p2psupervision.classification.finding;

import static cn.p2psupervision.classification.Fixtures.CATALOGUE;
import static cn.p2psupervision.classification.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.p2psupervision.classification.ClassificationApiTest;

/**
 * CLS-01/CLS-05: an institution's findings are read through its list of finding ids (two lookups by {@code _id}, which
 * the embedded store serves from its index, instead of a scan of every finding per proposal), and the findings stored
 * before the lists existed are listed once at start.
 */
@ClassificationApiTest
class FindingStoreTest {

    private static final Instant AT = Instant.parse("2016-10-07T02:00:00Z");

    @Autowired
    FindingStore findings;
    @Autowired
    MongoTemplate mongo;

    @Test
    void cls01_anInstitutionsFindingsAreItsOwnInIdOrderThroughItsList() {
        String institution = "store-" + UUID.randomUUID();
        String other = "store-" + UUID.randomUUID();
        findings.insert(Finding.record("F-" + institution + "-2", institution, details("FUND_POOL"), CATALOGUE,
                "officer-33", "33", AT));
        findings.insert(Finding.record("F-" + institution + "-1", institution, details("FUND_POOL"), CATALOGUE,
                "officer-33", "33", AT));
        findings.insert(Finding.record("F-" + other + "-1", other, details("FUND_POOL"), CATALOGUE, "officer-33",
                "33", AT));

        assertThat(findings.ofInstitution(institution)).extracting(Finding::id)
                .containsExactly("F-" + institution + "-1", "F-" + institution + "-2");
        assertThat(findings.ofInstitution(other)).extracting(Finding::id).containsExactly("F-" + other + "-1");
        assertThat(findings.ofInstitution("store-without-findings")).isEmpty();
        assertThat(mongo.findById(institution, Document.class, FindingStore.BY_INSTITUTION)
                .getList("findingIds", String.class)).hasSize(2);
    }

    @Test
    void cls01_findingsStoredBeforeTheListsExistedAreListedOnceAtStartAndFoundAfter() {
        String institution = "store-" + UUID.randomUUID();
        Finding earlier = Finding.record("F-" + institution + "-old", institution, details("FUND_POOL"), CATALOGUE,
                "officer-33", "33", AT);
        findings.insert(earlier);
        // as stored before this change: the finding, no list, the lists not marked complete
        mongo.remove(Query.query(Criteria.where("_id").in(institution, FindingStore.LISTED)),
                FindingStore.BY_INSTITUTION);

        findings.listExistingFindings();
        findings.listExistingFindings();

        assertThat(findings.ofInstitution(institution)).extracting(Finding::id).containsExactly(earlier.id());
        assertThat(mongo.findById(institution, Document.class, FindingStore.BY_INSTITUTION)
                .getList("findingIds", String.class)).containsExactly(earlier.id());
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(FindingStore.LISTED)),
                FindingStore.BY_INSTITUTION)).isTrue();
    }

    @Test
    void cls01_anIdListedWithoutItsFindingOrUnderAnotherInstitutionIsSkipped() {
        String institution = "store-" + UUID.randomUUID();
        String other = "store-" + UUID.randomUUID();
        findings.insert(Finding.record("F-" + other + "-1", other, details("FUND_POOL"), CATALOGUE, "officer-33",
                "33", AT));
        mongo.upsert(Query.query(Criteria.where("_id").is(institution)),
                new Update().addToSet("findingIds").each(
                        "F-never-inserted", "F-" + other + "-1"), FindingStore.BY_INSTITUTION);

        assertThat(findings.ofInstitution(institution)).isEmpty();
    }
}
