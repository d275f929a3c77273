package cn.p2psupervision.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request limits of the input policy (docs/api.md, "Input rules").
 *
 * @param maxBodySize        largest request body of an API call (413 beyond)
 * @param maxParameterLength longest query parameter value, in characters
 * @param uploadPaths        path patterns that take bulk uploads and enforce their own, larger limit
 */
@ConfigurationProperties("platform.web")
public record PlatformWebProperties(DataSize maxBodySize, Integer maxParameterLength, List<String> uploadPaths) {

    public PlatformWebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxParameterLength = maxParameterLength == null ? 1000 : maxParameterLength;
        uploadPaths = uploadPaths == null ? List.of() : List.copyOf(uploadPaths);
    }
}
