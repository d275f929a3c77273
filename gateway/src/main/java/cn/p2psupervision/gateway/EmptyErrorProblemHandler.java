package cn.p2psupervision.gateway;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.requestid.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Gives a problem body to every error response that would leave the gateway empty and without a content type.
 *
 * <p>Such responses are written below Spring, by reactor-netty: a request line longer than the server accepts
 * (414), headers larger than it accepts (431), a request that is not HTTP (400), and a URI WebFlux cannot parse
 * (400). They never reach a filter or an exception handler, so this handler sits in the Netty pipeline just after
 * the HTTP codec and rewrites them on their way out, with an {@code X-Request-Id} (made here when the request never
 * got one). Errors Spring writes already carry a problem and pass untouched.
 */
@ChannelHandler.Sharable
final class EmptyErrorProblemHandler extends ChannelOutboundHandlerAdapter {

    static final String NAME = "platform.emptyErrorProblem";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && isEmptyError(response)) {
            FullHttpResponse withProblem = withProblem(response);
            response.release();
            ctx.write(withProblem, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    private static boolean isEmptyError(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private static FullHttpResponse withProblem(FullHttpResponse response) {
        int status = response.status().code();
        String requestId = RequestIds.acceptOrCreate(response.headers().get(RequestIds.HEADER));
        ProblemDetail problem = problem(status);
        problem.setProperty("requestId", requestId);
        byte[] json = Problems.toJson(problem).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse withProblem = response.replace(Unpooled.wrappedBuffer(json));
        withProblem.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set(RequestIds.HEADER, requestId);
        return withProblem;
    }

    private static ProblemDetail problem(int status) {
        ProblemDetail problem = switch (status) {
            case 400 -> Problems.of(ProblemType.MALFORMED_REQUEST,
                    "The request is not well-formed HTTP, or its URI cannot be parsed");
            case 413 -> Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts");
            case 414 -> Problems.of(ProblemType.URI_TOO_LONG, "The request line is longer than the gateway accepts");
            case 431 -> Problems.of(ProblemType.HEADERS_TOO_LARGE,
                    "The request headers are larger than the gateway accepts");
            default -> {
                ProblemType type = ProblemType.forStatus(status);
                yield Problems.of(type, type.title());
            }
        };
        problem.setStatus(status);
        return problem;
    }
}
