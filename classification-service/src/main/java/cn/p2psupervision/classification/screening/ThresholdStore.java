package cn.p2psupervision.classification.screening;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.mongo.VersionedDocument;

/** The screening thresholds (collection {@value #COLLECTION}), central data kept as one {@link VersionedDocument} (CLS-04). */
@Repository
public class ThresholdStore extends VersionedDocument<ThresholdVersion> {

    static final String COLLECTION = "screening_thresholds";

    ThresholdStore(MongoTemplate mongo) {
        super(mongo, COLLECTION, ThresholdVersion.class, ThresholdVersion::version);
    }
}
