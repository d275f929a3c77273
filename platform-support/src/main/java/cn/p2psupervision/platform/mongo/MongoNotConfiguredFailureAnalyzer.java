package cn.p2psupervision.platform.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up without a database: the one-line reason and what to do, instead of a stack trace. */
class MongoNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<MongoNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MongoNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MONGODB_URI to the database (production), or SPRING_PROFILES_ACTIVE=local (development, tests).",
                cause);
    }
}
