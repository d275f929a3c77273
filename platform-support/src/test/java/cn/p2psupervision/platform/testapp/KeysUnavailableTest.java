package cn.p2psupervision.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.p2psupervision.platform.problem.Problems;

/**
 * A token that cannot be checked at all, because the realm's signing keys cannot be fetched (Keycloak down or too
 * slow: the decoder fails with a {@link JwtException} that is no verdict on the token), is a 503 problem naming
 * {@code keycloak}, never a 500 (found under load: a JWKS read timeout answered 500 through the gateway).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=test-service",
        "platform.api.context=test",
        "platform.security.issuer-uri=" + TestTokens.ISSUER,
        "platform.mongo.embedded.storage=memory",
        "platform.clock.start=2017-06-01T09:00:00+08:00"})
class KeysUnavailableTest {

    @LocalServerPort
    int port;
    @MockitoBean
    JwtDecoder decoder;

    @Test
    void auth01_aTokenThatCannotBeCheckedBecauseTheKeysCannotBeFetchedIsA503ProblemNamingKeycloak() throws Exception {
        when(decoder.decode(anyString())).thenThrow(new JwtException("An error occurred while attempting to decode the "
                + "Jwt: I/O error on GET request for \"http://localhost:8180/realms/p2p-supervision/protocol/"
                + "openid-connect/certs\": Read timed out"));
        String token = TestTokens.token("zj-officer", List.of("provincial-officer"), "33", "FINANCIAL_OFFICE");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/test/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("\"type\":\"urn:p2p-supervision:problem:service-unavailable\"",
                "\"status\":503", "\"service\":\"keycloak\"");
        assertThat(Problems.namesJavaCode(response.body())).isFalse();
    }
}
