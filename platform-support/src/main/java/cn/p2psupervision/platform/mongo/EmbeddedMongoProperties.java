package cn.p2psupervision.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MongoDB-wire server of local runs and tests ({@code platform.mongo.embedded.*}). It runs only when
 * asked for: the {@code local} profile (which {@code ./platform up} and the tests use) or {@code enabled=true}, and
 * only when no {@code spring.mongodb.uri} / {@code MONGODB_URI} is set.
 *
 * @param enabled  start it even without the {@code local} profile
 * @param storage  {@code file} (H2 MVStore under {@code dataDir}, survives restarts) or {@code memory}
 * @param dataDir  where the file store lives (default {@code ./data/<application>})
 * @param cacheMb  the file store's page cache; it lives in the service's heap, keep it small
 * @param port     port to bind on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("platform.mongo.embedded")
public record EmbeddedMongoProperties(boolean enabled, String storage, String dataDir, Integer cacheMb, Integer port) {

    public EmbeddedMongoProperties {
        storage = storage == null || storage.isBlank() ? "file" : storage;
        cacheMb = cacheMb == null ? 2 : cacheMb;
        port = port == null ? 0 : port;
    }

    public boolean inMemory() {
        return "memory".equalsIgnoreCase(storage);
    }
}
