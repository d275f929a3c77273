package cn.p2psupervision.incident.events;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * INC-03: an institution's rank by loan balance among all institutions (排名), from the latest figures the registry
 * figures scan keeps (collection {@value #COLLECTION}: per institution its latest month, loan balance and lenders, and
 * the balance as a number to rank by).
 */
@Component
public class BalanceRanking {

    public static final String COLLECTION = "institution_figures";
    /** The member holding the loan balance as a double, for ranking only (amounts themselves stay decimal). */
    public static final String RANK_VALUE = "rankValue";

    private final MongoTemplate mongo;

    BalanceRanking(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(RANK_VALUE, Sort.Direction.DESC));
    }

    /** The rank of {@code balance} (1 = largest) and how many institutions are ranked; rank null when none are. */
    public Rank rankOf(BigDecimal balance) {
        long ranked = mongo.count(new Query(), COLLECTION);
        if (ranked == 0 || balance == null) {
            return new Rank(null, ranked);
        }
        long larger = mongo.count(Query.query(Criteria.where(RANK_VALUE).gt(balance.doubleValue())), COLLECTION);
        return new Rank((int) Math.min(Integer.MAX_VALUE, larger + 1), ranked);
    }

    /**
     * Replaces the ranking with the latest balances of a scan ({@code scanId}): each institution's figures upserted,
     * then those of earlier scans removed, so a reader sees the former or the new ranking, never an empty one.
     */
    public void replace(String scanId, List<Latest> latest) {
        if (!latest.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            for (Latest figures : latest) {
                bulk.upsert(Query.query(Criteria.where("_id").is(figures.institutionId())), new Update()
                        .set("period", figures.period()).set("loanBalance", figures.loanBalance())
                        .set("lenders", figures.lenders()).set(RANK_VALUE, figures.loanBalance().doubleValue())
                        .set("scanId", scanId));
            }
            bulk.execute();
        }
        mongo.remove(Query.query(Criteria.where("scanId").ne(scanId)), COLLECTION);
    }

    /** An institution's latest reported month, balance and lenders. */
    public record Latest(String institutionId, String period, BigDecimal loanBalance, long lenders) {
    }

    /** A rank and the size of the ranking. */
    public record Rank(Integer rank, long of) {
    }
}
