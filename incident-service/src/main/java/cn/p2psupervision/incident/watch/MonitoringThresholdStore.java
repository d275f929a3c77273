package cn.p2psupervision.incident.watch;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.mongo.VersionedDocument;

/**
 * The thresholds of off-site monitoring (collection {@value #COLLECTION}), central data kept as one
 * {@link VersionedDocument} (INC-11).
 */
@Repository
class MonitoringThresholdStore extends VersionedDocument<MonitoringThresholdVersion> {

    static final String COLLECTION = "monitoring_thresholds";

    MonitoringThresholdStore(MongoTemplate mongo) {
        super(mongo, COLLECTION, MonitoringThresholdVersion.class, MonitoringThresholdVersion::version);
    }
}
