package cn.p2psupervision.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A MongoDB-wire server in memory with a template on one database, for tests of stores without Spring. */
public final class InMemoryStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    public final MongoTemplate mongo;

    public InMemoryStore() {
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "consumer");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
