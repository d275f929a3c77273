package cn.p2psupervision.portal.institution;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A file's versions and what each changed (REG-07), as the registry answers {@code …/history[/{version}/diff]}. */
public final class History {

    private History() {
    }

    /** One version: who changed the file, when, how ({@code REGISTER}, {@code AMEND}, …) and which facts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(long version, String action, String reason, Instant at, Actor by, List<String> changed) {

        public Entry {
            changed = changed == null ? List.of() : List.copyOf(changed);
        }
    }

    /** Who made a version; {@code province} is null for central. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String username, List<String> roles, String province, String agency) {
    }

    /** A version compared with the one before ({@code previousVersion} null for the first). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Diff(long version, Long previousVersion, String action, String reason, Instant at, Actor by,
                       List<Change> changes) {

        public Diff {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /**
     * One changed value: {@code path} walks into objects with dots ({@code provenance.registeredCapital.source});
     * lists are compared whole. {@code before} and {@code after} are JSON values as read (text, number, boolean,
     * list, object), null when absent.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String path, Object before, Object after) {
    }
}
