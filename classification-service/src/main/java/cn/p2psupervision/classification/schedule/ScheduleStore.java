package cn.p2psupervision.classification.schedule;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.mongo.VersionedDocument;

/** The campaign schedule (collection {@value #COLLECTION}), central data kept as one {@link VersionedDocument} (CLS-10). */
@Repository
public class ScheduleStore extends VersionedDocument<ScheduleVersion> {

    static final String COLLECTION = "campaign_schedule";

    ScheduleStore(MongoTemplate mongo) {
        super(mongo, COLLECTION, ScheduleVersion.class, ScheduleVersion::version);
    }
}
