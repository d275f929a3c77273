package cn.p2psupervision.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up in production without its settings: the one-line reason and what to do, instead of a stack trace. */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the variables from the deployment's Secrets and ConfigMaps (docs/deployment.md), or run without"
                        + " the 'production' profile (SPRING_PROFILES_ACTIVE=local for development).",
                cause);
    }
}
