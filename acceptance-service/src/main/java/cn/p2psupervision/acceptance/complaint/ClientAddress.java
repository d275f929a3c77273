package cn.p2psupervision.acceptance.complaint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * ACC-10: the address a public complaint comes from (投诉人的网络地址), the key of its rate limit.
 *
 * <p>The service is reached through the platform's gateway (Spring Cloud Gateway), so the socket's peer is the gateway,
 * the same for every member of the public. The gateway's {@code XForwardedHeadersFilter} appends the address of its
 * own peer to {@code X-Forwarded-For}, after whatever the client sent there itself: the entries are read from the
 * <b>right</b>, where the gateway (and any proxy in front of it) wrote them, skipping the trusted proxies, and the
 * first address that is not one is the client's. Entries left of it are the client's own word, worthless for a limit
 * (a client would write a new one per request), and never reached. If every entry is a trusted proxy (a caller inside
 * the private network), the left-most counts.
 *
 * <p>Spring Cloud Gateway 5 writes that header only when {@code spring.cloud.gateway.server.webflux.trusted-proxies}
 * matches its peer; without the property it removes every {@code X-Forwarded-*} header and adds none, and then this
 * falls back to the socket address: every anonymous caller shares the gateway's limit.
 *
 * <p>The header is believed only when the socket's peer is itself a trusted proxy — by default loopback and the
 * private ranges the gateway runs in ({@code acceptance.complaints.trusted-proxies}); a caller reaching the service
 * directly is keyed by its socket address whatever it writes. An IPv6 address is keyed by its /64 network: one
 * subscriber typically holds a whole /64 and could otherwise take a fresh address per request.
 */
final class ClientAddress {

    /** The header's right-most entry must look like an address: IPv4, IPv6 (possibly bracketed), nothing else. */
    private static final Pattern ADDRESS = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}]?");
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpAddressMatcher> trustedProxies;

    /** @param trustedProxies addresses or networks in CIDR notation ({@code 10.0.0.0/8}, {@code ::1}) */
    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }

    /** The key under which the request's client is counted. */
    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded == null || forwarded.isBlank() || !trusted(peer)) {
            return key(peer);
        }
        String[] entries = forwarded.split(",");
        String client = null;
        for (int i = entries.length - 1; i >= 0; i--) {
            String entry = entries[i].strip();
            if (!ADDRESS.matcher(entry).matches()) {
                break; // not written by a proxy of ours: what lies left of it is the client's word
            }
            client = entry;
            if (!trusted(entry)) {
                break;
            }
        }
        return key(client != null ? client : peer);
    }

    private boolean trusted(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(literal));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** IPv4 as written; IPv6 as its /64 network. Only address literals reach here, so nothing is looked up by name. */
    static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            // in brackets, the JDK parses an IPv6 literal or refuses it; it never asks the name service
            byte[] bytes = InetAddress.getByName("[" + literal + "]").getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return literal;
        }
    }
}
