package cn.p2psupervision.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A service's API ({@code platform.api.*}).
 *
 * @param context     the context's path segment, e.g. {@code registry}: it also enables {@code /api/v1/<context>/me}
 * @param description one line for the OpenAPI description
 */
@ConfigurationProperties("platform.api")
public record ApiProperties(String context, String description) {
}
