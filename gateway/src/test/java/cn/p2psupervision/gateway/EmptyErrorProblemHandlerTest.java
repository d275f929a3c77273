package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The Netty handler on its own: which responses it fills (errors written empty and untyped, e.g. a 413 of a
 * request-size limit, which no integration test can provoke) and which it leaves alone.
 */
class EmptyErrorProblemHandlerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new EmptyErrorProblemHandler());

    @Test
    void anEmptyErrorGetsAProblemOfItsStatusAndARequestId() {
        FullHttpResponse written = roundTrip(response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ""));

        String body = written.content().toString(StandardCharsets.UTF_8);
        assertThat(written.status().code()).isEqualTo(413);
        assertThat(written.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(written.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
                .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        String requestId = written.headers().get("X-Request-Id");
        assertThat(body).contains("\"type\":\"urn:p2p-supervision:problem:payload-too-large\"", "\"status\":413",
                "\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void anEmptyErrorKeepsTheRequestIdItAlreadyHas() {
        FullHttpResponse empty = response(HttpResponseStatus.BAD_REQUEST, "");
        empty.headers().set("X-Request-Id", "known-id");

        FullHttpResponse written = roundTrip(empty);

        assertThat(written.headers().getAll("X-Request-Id")).containsExactly("known-id");
        assertThat(written.content().toString(StandardCharsets.UTF_8))
                .contains("malformed-request", "\"requestId\":\"known-id\"");
    }

    @Test
    void successesAndErrorsWithABodyPassUntouched() {
        FullHttpResponse success = response(HttpResponseStatus.NO_CONTENT, "");
        FullHttpResponse problem = response(HttpResponseStatus.NOT_FOUND, "{\"status\":404}");
        problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");

        assertThat(roundTrip(success)).isSameAs(success);
        assertThat(roundTrip(problem)).isSameAs(problem);
    }

    private FullHttpResponse roundTrip(FullHttpResponse response) {
        channel.writeOutbound(response);
        return channel.readOutbound();
    }

    private static FullHttpResponse response(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length());
        return response;
    }
}
