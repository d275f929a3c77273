package cn.p2psupervision.registry.importing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bulk imports ({@code registry.imports.*}).
 *
 * @param dir       where uploads wait for the worker (deleted when processed)
 * @param maxUpload the largest file accepted (413 beyond)
 */
@ConfigurationProperties("registry.imports")
public record ImportProperties(Path dir, DataSize maxUpload) {

    public ImportProperties {
        dir = dir == null ? Path.of(System.getProperty("java.io.tmpdir"), "registry-imports") : dir;
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(512) : maxUpload;
    }
}
