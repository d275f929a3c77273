package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * AUTH-01..05 end to end: real Keycloak tokens through the gateway, and every service checking tokens itself.
 */
@ExtendWith(PlatformUnderTest.class)
class AuthenticationSystemIT {

    private static final List<String> ME_PATHS = List.of("/api/v1/me", "/api/v1/registry/me",
            "/api/v1/classification/me", "/api/v1/acceptance/me", "/api/v1/incidents/me");

    @ParameterizedTest(name = "AUTH-01 no token on {0} -> 401 problem")
    @ValueSource(strings = {"/api/v1/me", "/api/v1/registry/me", "/api/v1/classification/me",
            "/api/v1/acceptance/me", "/api/v1/incidents/me", "/api/v1/registry/institutions"})
    void auth01_noTokenIs401ProblemOnEveryContext(String path) {
        Http.Response response = Http.get(PlatformUnderTest.GATEWAY + path, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).as("problem+json, got %s", response.contentType()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("urn:p2p-supervision:problem:unauthenticated");
    }

    static Stream<Arguments> demoUsers() {
        return Stream.of(
                Arguments.of("central", List.of("central-regulator"), null, null),
                Arguments.of("zj-officer", List.of("provincial-officer"), "33", "FINANCIAL_OFFICE"),
                Arguments.of("zj-head-finance", List.of("provincial-officer", "provincial-head"), "33", "FINANCIAL_OFFICE"),
                Arguments.of("zj-head-regulator", List.of("provincial-officer", "provincial-head"), "33", "BANKING_REGULATOR"),
                Arguments.of("gd-officer", List.of("provincial-officer"), "44", "FINANCIAL_OFFICE"),
                Arguments.of("gd-head-finance", List.of("provincial-officer", "provincial-head"), "44", "FINANCIAL_OFFICE"),
                Arguments.of("gd-head-regulator", List.of("provincial-officer", "provincial-head"), "44", "BANKING_REGULATOR"));
    }

    @ParameterizedTest(name = "AUTH-01 {0}: roles {1}, province {2}, agency {3}")
    @MethodSource("demoUsers")
    void auth01_eachDemoUserIsSeenTheSameByGatewayAndEveryService(String username, List<String> roles,
                                                                  String province, String agency) {
        String token = Keycloak.userToken(username);

        for (String path : ME_PATHS) {
            Http.Response response = Http.get(PlatformUnderTest.GATEWAY + path, token);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertMe(response.json(), username, roles, province, agency);
        }
    }

    static Stream<Arguments> agencyClients() {
        return Stream.of(
                Arguments.of("agency-public-security", "PUBLIC_SECURITY"),
                Arguments.of("agency-telecom", "TELECOM"),
                Arguments.of("agency-market-regulation", "MARKET_REGULATION"),
                Arguments.of("agency-central-bank", "CENTRAL_BANK"));
    }

    @ParameterizedTest(name = "AUTH-05 {0} is agency-partner of {1}")
    @MethodSource("agencyClients")
    void auth05_eachAgencyClientIsAPartnerWithItsAgencyAndNothingMore(String clientId, String agency) {
        String token = Keycloak.clientToken(clientId);

        for (String path : ME_PATHS) {
            Http.Response response = Http.get(PlatformUnderTest.GATEWAY + path, token);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertMe(response.json(), "service-account-" + clientId, List.of("agency-partner"), null, agency);
        }
        Http.Response registry = Http.get(PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions", token);
        assertThat(registry.status()).as("agency-partner gets nothing by default").isEqualTo(403);
        assertThat(registry.isProblem()).isTrue();
    }

    @Test
    void auth01_internalServiceTokenReachesNoPublicApi() {
        String token = Keycloak.clientToken("platform-services");

        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/registry/me", token).status()).isEqualTo(403);
        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/internal/anything", token).status())
                .as("the gateway never routes /internal/**").isIn(403, 404);
    }

    @Test
    void auth01_tokenFromTheMasterRealmIs401() {
        String master = Keycloak.token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));

        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/me", master).status()).isEqualTo(401);
        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/registry/me", master).status()).isEqualTo(401);
    }

    @Test
    void auth01_tokenWithoutTheP2pApiAudienceIs401() {
        // admin-cli of our own realm: right issuer and signature, but not issued for the platform's API
        String noAudience = Keycloak.token(Keycloak.REALM, Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "central", "password", "demo"));

        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/me", noAudience).status()).isEqualTo(401);
        assertThat(Http.get(serviceUrl("registry") + "/api/v1/registry/me", noAudience).status()).isEqualTo(401);
    }

    @Test
    void auth01_tokenWithABadSignatureIs401() {
        String token = Keycloak.userToken("central");
        int signatureStart = token.lastIndexOf('.') + 1;
        int middle = signatureStart + (token.length() - signatureStart) / 2;
        char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, middle) + flipped + token.substring(middle + 1);

        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/me", token).status()).isEqualTo(200);
        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/me", forged).status()).isEqualTo(401);
        assertThat(Http.get(serviceUrl("registry") + "/api/v1/registry/me", forged).status()).isEqualTo(401);
    }

    @Test
    void auth01_expiredTokenIs401() {
        String token = ShortLivedTokens.centralTokenLivingSeconds(3);

        assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/me", token).status())
                .as("fresh token accepted").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(Http.get(PlatformUnderTest.GATEWAY + "/api/v1/me", token).status()).isEqualTo(401);
            assertThat(Http.get(serviceUrl("incident") + "/api/v1/incidents/me", token).status()).isEqualTo(401);
        });
    }

    @ParameterizedTest(name = "AUTH-01 straight to {0} without a token -> 401")
    @ValueSource(strings = {"registry", "classification", "acceptance", "incident"})
    void auth01_servicesDoNotTrustTheNetwork(String service) {
        String context = service.equals("incident") ? "incidents" : service;

        Http.Response response = Http.get(serviceUrl(service) + "/api/v1/" + context + "/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    private static String serviceUrl(String service) {
        return "http://localhost:" + PlatformUnderTest.SERVICE_PORTS.get(service);
    }

    private static void assertMe(JsonNode me, String username, List<String> roles, String province, String agency) {
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(me.get("userId").asString()).isNotBlank();
        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(roles);
        assertThat(me.get("province").isNull() ? null : me.get("province").asString()).isEqualTo(province);
        assertThat(me.get("agency").isNull() ? null : me.get("agency").asString()).isEqualTo(agency);
    }
}
