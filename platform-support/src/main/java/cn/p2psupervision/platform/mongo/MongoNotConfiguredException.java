package cn.p2psupervision.platform.mongo;

/**
 * A service that stores data was started with neither a database URI nor the {@code local} profile: it refuses to
 * start rather than silently writing to a local file in production. {@link MongoNotConfiguredFailureAnalyzer} prints
 * the reason in one line.
 */
public class MongoNotConfiguredException extends RuntimeException {

    public MongoNotConfiguredException(String application) {
        super(application + " has no database: set MONGODB_URI (a MongoDB replica set), or run with the 'local'"
                + " profile for the embedded development store");
    }
}
