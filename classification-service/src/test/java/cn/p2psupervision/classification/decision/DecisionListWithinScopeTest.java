package cn.p2psupervision.classification.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import cn.p2psupervision.classification.ClassificationApiTest;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.classification.proposal.Proposal;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Actor;

/**
 * AUTH-02/CLS-06: a province's decision list (two lookups by {@code _id}, filtered, sorted and paged in the service):
 * exactly the decisions of the readable institutions in the category and state asked, the latest change first, then by
 * institution id, paged, with the total of all that match.
 */
@ClassificationApiTest
class DecisionListWithinScopeTest {

    @Autowired
    DecisionStore decisions;
    @Autowired
    MongoTemplate mongo;

    @Test
    void auth02_aProvincesListIsItsDecisionsFilteredNewestChangeFirstAndPaged() {
        String run = UUID.randomUUID().toString();
        String compliantOld = save(run + "-a", Category.COMPLIANT, DecisionState.APPROVED, "2017-01-08T02:00:00Z");
        String compliantNew = save(run + "-b", Category.COMPLIANT, DecisionState.APPROVED, "2017-02-08T02:00:00Z");
        String compliantSameTime = save(run + "-c", Category.COMPLIANT, DecisionState.APPROVED, "2017-02-08T02:00:00Z");
        String awaiting = save(run + "-d", Category.COMPLIANT, DecisionState.RECORDED, "2017-03-08T02:00:00Z");
        String banning = save(run + "-e", Category.BANNING, DecisionState.APPROVED, "2017-04-08T02:00:00Z");
        String outOfScope = save(run + "-f", Category.COMPLIANT, DecisionState.APPROVED, "2017-05-08T02:00:00Z");
        InstitutionDirectory.Readable readable = new InstitutionDirectory.Readable(false,
                Set.of(compliantOld, compliantNew, compliantSameTime, awaiting, banning, run + "-undecided"));
        assertThat(decisions.repairKeys()).as("decisions stored without their list keys are keyed").isGreaterThanOrEqualTo(6);

        DecisionStore.Page compliantApproved = decisions.list(readable, Category.COMPLIANT, DecisionState.APPROVED, 0,
                20);
        DecisionStore.Page firstTwo = decisions.list(readable, null, null, 0, 2);
        DecisionStore.Page third = decisions.list(readable, null, null, 1, 2);
        DecisionStore.Page beyond = decisions.list(readable, null, null, 9, 2);

        assertThat(ids(compliantApproved)).containsExactly(compliantNew, compliantSameTime, compliantOld);
        assertThat(compliantApproved.totalElements()).isEqualTo(3);
        assertThat(ids(firstTwo)).containsExactly(banning, awaiting);
        assertThat(ids(third)).containsExactly(compliantNew, compliantSameTime);
        assertThat(firstTwo.totalElements()).isEqualTo(5);
        assertThat(beyond.content()).isEmpty();
        assertThat(beyond.totalElements()).isEqualTo(5);
        assertThat(ids(decisions.list(readable, Category.BANNING, DecisionState.RECORDED, 0, 20))).isEmpty();
        assertThat(ids(firstTwo)).doesNotContain(outOfScope);
        assertThat(firstTwo.content().get(0).versions()).as("listed without their history").isNullOrEmpty();
    }

    @Test
    void cls06_aDecisionWhoseListKeyIsBehindIsListedAsItIsOnceRepairedAndAKeyNeverGoesBack() {
        String run = UUID.randomUUID().toString();
        String id = save(run, Category.COMPLIANT, DecisionState.RECORDED, "2017-01-08T02:00:00Z");
        decisions.repairKeys();
        InstitutionDirectory.Readable readable = new InstitutionDirectory.Readable(false, Set.of(id));
        assertThat(ids(decisions.list(readable, null, DecisionState.RECORDED, 0, 20))).containsExactly(id);

        save(run, Category.COMPLIANT, DecisionState.APPROVED, "2017-01-09T02:00:00Z"); // its key write was lost
        assertThat(ids(decisions.list(readable, null, DecisionState.APPROVED, 0, 20))).isEmpty();
        assertThat(decisions.repairKeys()).isEqualTo(1);
        assertThat(decisions.repairKeys()).as("nothing left behind").isZero();

        assertThat(ids(decisions.list(readable, null, DecisionState.APPROVED, 0, 20))).containsExactly(id);
        assertThat(ids(decisions.list(readable, null, DecisionState.RECORDED, 0, 20))).isEmpty();
        assertThat(mongo.findById(id, org.bson.Document.class, DecisionStore.KEYS).get("version"))
                .isEqualTo(2L);
    }

    private static List<String> ids(DecisionStore.Page page) {
        return page.content().stream().map(DecisionStore.StoredDecision::institutionId).toList();
    }

    private String save(String institutionId, Category category, DecisionState state, String changedAt) {
        Proposal proposal = new Proposal(institutionId, category, List.of(), List.of(), List.of(), null);
        Actor officer = new Actor("id-officer-33", "officer-33", "33", "FINANCIAL_OFFICE");
        Actor head = new Actor("id-head-33", "head-33", "33", "BANKING_REGULATOR");
        Instant at = Instant.parse(changedAt);
        Decision current = state == DecisionState.APPROVED
                ? new Decision(institutionId, 1, 2, state, category, proposal, null, officer, at, head, at, null,
                        null, null)
                : new Decision(institutionId, 1, 1, state, category, proposal, null, officer, at, null, null, null,
                        null, null);
        mongo.save(new DecisionStore.StoredDecision(institutionId, "33", current.version(), current, List.of(current),
                List.of(), at), DecisionStore.COLLECTION);
        return institutionId;
    }
}
