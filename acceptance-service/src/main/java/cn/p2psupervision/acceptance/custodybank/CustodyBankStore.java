package cn.p2psupervision.acceptance.custodybank;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.mongo.VersionedDocument;

/** The custody-bank whitelist (collection {@value #COLLECTION}), central data kept as one {@link VersionedDocument} (ACC-15). */
@Repository
public class CustodyBankStore extends VersionedDocument<CustodyBankList> {

    public static final String COLLECTION = "custody_banks";

    CustodyBankStore(MongoTemplate mongo) {
        super(mongo, COLLECTION, CustodyBankList.class, CustodyBankList::version);
    }
}
