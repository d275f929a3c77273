package cn.p2psupervision.classification.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * The rectification orders (collection {@value #COLLECTION}): one document per order holding the order with its items,
 * every stock report and every alert, so that a report and the alerts it raises, or a completion, are one atomic
 * write, compare-and-set on the version (CLS-08). Beside the order the document keeps what lists filter and sort by:
 * its deadline and open items (overdue), the day it was issued (newest first).
 */
@Repository
public class RectificationOrderStore {

    public static final String COLLECTION = "rectification_orders";

    private final MongoTemplate mongo;

    RectificationOrderStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("issuedAt", Sort.Direction.DESC));
    }

    /**
     * @param openItems the order's items not completed yet (with {@code deadline}: overdue)
     */
    public record StoredOrder(@Id String id, String institutionId, String registeredProvince, int round, long version,
                              LocalDate deadline, int openItems, Instant issuedAt, Instant updatedAt,
                              RectificationOrder order) {

        static StoredOrder of(RectificationOrder order) {
            return new StoredOrder(order.id(), order.institutionId(), order.registeredProvince(), order.round(),
                    order.version(), order.deadline(), order.openItems(), order.issuedAt(), order.updatedAt(), order);
        }
    }

    public Optional<StoredOrder> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, StoredOrder.class, COLLECTION));
    }

    /** Stores a new order; 409 when the round has one already. */
    StoredOrder insert(RectificationOrder order) {
        StoredOrder stored = StoredOrder.of(order);
        try {
            mongo.insert(stored, COLLECTION);
            return stored;
        } catch (DuplicateKeyException issuedMeanwhile) {
            throw ProblemException.conflict("Rectification order " + order.id() + " exists already: one order per"
                    + " decision round");
        }
    }

    /** Stores {@code next} if the order is still at {@code stored}'s version; 412 otherwise. */
    StoredOrder replace(StoredOrder stored, RectificationOrder next) {
        StoredOrder updated = StoredOrder.of(next);
        Query unchanged = Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version()));
        if (mongo.replace(unchanged, updated, COLLECTION).getMatchedCount() == 0) {
            throw ProblemException.staleVersion(find(stored.id()).map(StoredOrder::version).orElse(stored.version()));
        }
        return updated;
    }

    /**
     * A page of the orders the caller may read, newest first, without their stock reports; with {@code overdue} only those that are (true) or are
     * not (false) overdue {@code today}: past their deadline with an item open.
     */
    public Page list(InstitutionDirectory.Readable readable, Boolean overdue, LocalDate today, int page, int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        Criteria criteria = readable.all() ? new Criteria() : Criteria.where("institutionId").in(readable.ids());
        if (overdue != null) {
            Criteria condition = overdue
                    ? new Criteria().andOperator(Criteria.where("deadline").lt(today),
                            Criteria.where("openItems").gt(0))
                    : new Criteria().orOperator(Criteria.where("deadline").gte(today),
                            Criteria.where("openItems").is(0));
            criteria = new Criteria().andOperator(criteria, condition);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "issuedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        // a list shows counts: the reports, which only grow, stay in the store
        query.fields().exclude("order.stockReports");
        return new Page(mongo.find(query, StoredOrder.class, COLLECTION), total);
    }

    public record Page(List<StoredOrder> content, long totalElements) {
    }
}
