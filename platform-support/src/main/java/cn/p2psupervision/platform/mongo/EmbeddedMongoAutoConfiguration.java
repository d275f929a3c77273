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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Local runs and tests: an in-process MongoDB-wire server (mongo-java-server) when it is asked for — the {@code local}
 * profile or {@code platform.mongo.embedded.enabled=true} — and no {@code spring.mongodb.uri} (or {@code MONGODB_URI})
 * is set. It stores under {@code platform.mongo.embedded.data-dir} (default {@code ./data/<application>}) with the H2
 * MVStore backend, or in memory with {@code storage=memory}, and shuts down after the Mongo client so the last writes
 * are flushed. A service with neither a URI nor the embedded store refuses to start ({@link MongoNotConfiguredException}).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoServer.class, H2Backend.class, ConnectionString.class})
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    @Conditional(EmbeddedRequested.class)
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment environment) {
        MongoBackend backend;
        if (properties.inMemory()) {
            backend = new MemoryBackend();
            log.info("Embedded MongoDB-wire server in memory");
        } else {
            Path dir = Path.of(properties.dataDir() != null ? properties.dataDir()
                    : "./data/" + environment.getProperty("spring.application.name", "application")).toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create data directory " + dir, e);
            }
            // The store's page cache lives in the service's own heap and under-estimates the size of the documents
            // it holds (about tenfold): keep it small so that a -Xmx256m service still has room for its work.
            backend = new H2Backend(new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString())
                    .cacheSize(properties.cacheMb()).open());
            log.info("Embedded MongoDB-wire server storing in {} (page cache {} MB)", dir, properties.cacheMb());
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", properties.port());
        return server;
    }

    /** Boot's Mongo client connects here instead of to {@code spring.mongodb.uri}. */
    @Bean
    @Conditional(EmbeddedRequested.class)
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, Environment environment) {
        InetSocketAddress address = server.getLocalAddress();
        String database = environment.getProperty("spring.mongodb.database",
                environment.getProperty("spring.application.name", "application"));
        ConnectionString connectionString = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }

    /** Neither a URI nor the embedded store: the service must not quietly connect to localhost or a local file. */
    @Bean
    @Conditional(NoDatabase.class)
    MongoConnectionDetails noDatabase(Environment environment) {
        throw new MongoNotConfiguredException(environment.getProperty("spring.application.name", "The service"));
    }

    private static boolean hasUri(ConditionContext context) {
        String uri = context.getEnvironment().getProperty("spring.mongodb.uri");
        return uri != null && !uri.isBlank();
    }

    private static boolean embeddedAskedFor(ConditionContext context) {
        Environment environment = context.getEnvironment();
        return environment.matchesProfiles("local")
                || environment.getProperty("platform.mongo.embedded.enabled", Boolean.class, false);
    }

    static final class EmbeddedRequested extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (hasUri(context)) {
                return ConditionOutcome.noMatch("spring.mongodb.uri is set");
            }
            return embeddedAskedFor(context)
                    ? ConditionOutcome.match("no spring.mongodb.uri and the local profile: embedded MongoDB-wire server")
                    : ConditionOutcome.noMatch("embedded store not asked for");
        }
    }

    static final class NoDatabase extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !hasUri(context) && !embeddedAskedFor(context)
                    ? ConditionOutcome.match("no spring.mongodb.uri and no local profile")
                    : ConditionOutcome.noMatch("a database is configured");
        }
    }
}
