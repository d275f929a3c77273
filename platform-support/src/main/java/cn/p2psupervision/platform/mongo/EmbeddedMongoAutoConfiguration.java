package cn.p2psupervision.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Local default and tests: when no {@code spring.mongodb.uri} (or {@code MONGODB_URI}) is set, an in-process
 * MongoDB-wire server is started (mongo-java-server), storing under {@code platform.mongo.embedded.data-dir}
 * (default {@code ./data/<application>}) with the H2 MVStore backend, or in memory with
 * {@code platform.mongo.embedded.storage=memory}; {@code platform.mongo.embedded.cache-mb} sizes its page cache. It shuts down after the Mongo client, so the last writes are flushed.
 * Production sets {@code MONGODB_URI} to a real replica set and this configuration stays off.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoServer.class, H2Backend.class, ConnectionString.class})
@Conditional(EmbeddedMongoAutoConfiguration.NoMongoUri.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(Environment environment) {
        MongoBackend backend;
        if ("memory".equalsIgnoreCase(environment.getProperty("platform.mongo.embedded.storage", "file"))) {
            backend = new MemoryBackend();
            log.info("Embedded MongoDB-wire server in memory");
        } else {
            Path dir = Path.of(environment.getProperty("platform.mongo.embedded.data-dir",
                    "./data/" + environment.getProperty("spring.application.name", "application"))).toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create data directory " + dir, e);
            }
            // The store's page cache lives in the service's own heap and under-estimates the size of the documents
            // it holds (about tenfold): keep it small so that a -Xmx256m service still has room for its work.
            int cacheMb = environment.getProperty("platform.mongo.embedded.cache-mb", Integer.class, 2);
            backend = new H2Backend(new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString())
                    .cacheSize(cacheMb).open());
            log.info("Embedded MongoDB-wire server storing in {} (page cache {} MB)", dir, cacheMb);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", environment.getProperty("platform.mongo.embedded.port", Integer.class, 0));
        return server;
    }

    /** Boot's Mongo client connects here instead of to {@code spring.mongodb.uri}. */
    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, Environment environment) {
        InetSocketAddress address = server.getLocalAddress();
        String database = environment.getProperty("spring.mongodb.database",
                environment.getProperty("spring.application.name", "application"));
        ConnectionString connectionString = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }

    static final class NoMongoUri extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("spring.mongodb.uri");
            return uri == null || uri.isBlank()
                    ? ConditionOutcome.match("no spring.mongodb.uri: embedded MongoDB-wire server")
                    : ConditionOutcome.noMatch("spring.mongodb.uri is set");
        }
    }
}
