package cn.p2psupervision.platform.config;

import java.util.List;

/**
 * An application was started with the {@code production} profile without the settings production needs
 * ({@link ProductionSettingsCheck}); {@link ProductionSettingsFailureAnalyzer} prints the reason in one line.
 */
public class ProductionSettingsMissingException extends RuntimeException {

    private final List<String> problems;

    public ProductionSettingsMissingException(String application, List<String> problems) {
        super(application + " refuses to start with the 'production' profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
