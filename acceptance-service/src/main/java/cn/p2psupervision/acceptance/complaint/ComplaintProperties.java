package cn.p2psupervision.acceptance.complaint;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * ACC-10: the limits of the public complaint door ({@code acceptance.complaints.*}).
 *
 * @param perMinute        complaints one client address may lodge per minute (5)
 * @param perDay           and per day (20)
 * @param maxBodySize      the largest request body of a complaint (8 KiB; 413 beyond)
 * @param trackedAddresses client addresses whose counts are kept in memory at once (100,000; the least recently seen
 *                         is forgotten first)
 * @param trustedProxies   peers whose {@code X-Forwarded-For} is believed (the gateway): addresses or CIDR networks;
 *                         by default loopback and the private ranges ({@link ClientAddress})
 */
@ConfigurationProperties("acceptance.complaints")
public record ComplaintProperties(Integer perMinute, Integer perDay, DataSize maxBodySize, Integer trackedAddresses,
                                  List<String> trustedProxies) {

    public static final List<String> PRIVATE_NETWORKS = List.of("127.0.0.0/8", "::1", "10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "fc00::/7", "fe80::/10");

    public ComplaintProperties {
        perMinute = perMinute == null ? 5 : perMinute;
        perDay = perDay == null ? 20 : perDay;
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(8) : maxBodySize;
        trackedAddresses = trackedAddresses == null ? 100_000 : trackedAddresses;
        trustedProxies = trustedProxies == null ? PRIVATE_NETWORKS : List.copyOf(trustedProxies);
        if (perMinute < 1 || perDay < 1 || trackedAddresses < 1) {
            throw new IllegalArgumentException("acceptance.complaints limits must be at least 1");
        }
    }
}
