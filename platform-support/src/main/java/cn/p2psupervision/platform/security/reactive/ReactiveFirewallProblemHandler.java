package cn.p2psupervision.platform.security.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.web.reactive.ReactiveProblems;
import reactor.core.publisher.Mono;

/**
 * Answers a request that Spring Security's {@code StrictServerWebExchangeFirewall} refuses (an encoded NUL, dot or
 * slash, a {@code ..} or empty path segment, a control character in a header, ...) with a 400
 * {@code malformed-request} problem; the default handler answers an empty 400 with no content type.
 *
 * <p>The firewall's reason quotes the offending text, so it goes to the debug log, not to the client.
 */
final class ReactiveFirewallProblemHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ReactiveFirewallProblemHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Refused {}: {}", exchange.getRequest().getPath(), rejected.getMessage());
        return ReactiveProblems.write(exchange, ProblemType.MALFORMED_REQUEST,
                "The request path or a header contains a sequence the platform refuses: an encoded NUL, dot, slash"
                        + " or percent sign, a dot segment, an empty segment, a semicolon or a control character");
    }
}
