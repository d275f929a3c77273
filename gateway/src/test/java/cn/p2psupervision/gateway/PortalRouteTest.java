package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal is served at the gateway's address: what the API routes and the gateway's own pages do not take reaches
 * the portal (here the stub) without a token and with the browser's {@code Host}; the API, the internal paths, the
 * actuator, the breakers' fallbacks and Swagger UI stay the gateway's.
 */
class PortalRouteTest extends RoutedGatewayTest {

    @ParameterizedTest(name = "{0} reaches the portal without a token")
    @ValueSource(strings = {"/", "/dashboard", "/institutions/some-id?lang=en", "/public/notices",
            "/oauth2/authorization/keycloak", "/login/oauth2/code/keycloak?code=c&state=s", "/webjars/bootstrap/css/bootstrap.min.css"})
    void pagesReachThePortalWithoutATokenAndWithTheBrowsersHost(String path) throws Exception {
        HttpResponse<String> response = anonymous(HttpRequest.newBuilder(uri(path)).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Stub-Host")).as("Host preserved for the portal's redirects")
                .contains("localhost:" + port);
        assertThat(STUB.received()).isEqualTo(1);
    }

    @Test
    void aFormPostReachesThePortal() throws Exception {
        HttpResponse<String> response = anonymous(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=token")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(STUB.received()).isEqualTo(1);
    }

    @Test
    void thePortalsHtmlErrorPagePassesThroughUntouched() throws Exception {
        HttpResponse<String> response = anonymous(HttpRequest.newBuilder(uri("/institutions/html-status/404")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(response.body()).contains("<h1>未找到</h1>");
    }

    @ParameterizedTest(name = "{0} is not the portal''s")
    @ValueSource(strings = {"/api/v1/registry/institutions", "/api/v1/nowhere", "/internal/registry/changes",
            "/fallback/registry-service", "/actuator/env", "/actuator/health/../env"})
    void theApiAndTheGatewaysOwnPathsNeverReachThePortalWithoutAToken(String path) throws Exception {
        HttpResponse<String> response = anonymous(HttpRequest.newBuilder(uri(path)).GET());

        assertThat(response.statusCode()).as(response.body()).isIn(400, 401, 403, 404);
        assertThat(response.headers().firstValue("X-Stub-Host")).isEmpty();
        assertThat(STUB.received()).isZero();
    }

    @Test
    void theGatewayKeepsItsHealthAndSwaggerUi() throws Exception {
        HttpResponse<String> health = anonymous(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        HttpResponse<String> swagger = anonymous(HttpRequest.newBuilder(uri("/webjars/swagger-ui/index.html")).GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.body()).containsIgnoringCase("swagger");
        assertThat(STUB.received()).isZero();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> anonymous(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
