package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DemoAccounts} against {@link KeycloakStub}'s admin API: each missing user of a province other than 33 and 44
 * is created with the realm's demo users' shape (attributes, password demo, realm roles) and can log in; a second run
 * creates nothing; an existing user is left alone; a user left without roles is not left behind.
 */
class DemoAccountsTest {

    static {
        // as in BenchmarkTest: no delayed acknowledgements; read once per JVM, so every test class with a server sets it
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final KeycloakStub keycloak = new KeycloakStub();
    private ExecutorService threads;
    private HttpServer server;
    private PlatformClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!keycloak.handle(exchange, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        KeycloakStub.query(exchange.getRequestURI().getRawQuery()), body)) {
                    keycloak.violations.add("not Keycloak's: " + exchange.getRequestURI());
                    KeycloakStub.answer(exchange, 404, "{}", null);
                }
            } catch (RuntimeException e) {
                keycloak.violations.add(e.toString());
                KeycloakStub.answer(exchange, 500, "{}", null);
            }
        });
        server.start();
        client = new PlatformClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void createsAnOfficerAndTwoHeadsForEachProvinceButZhejiangAndGuangdongThenNothing() {
        DemoAccounts accounts = new DemoAccounts(client, "admin", "admin");

        DemoAccounts.Result first = accounts.ensure(Set.of("65", "33", "11", "44"));

        assertThat(keycloak.violations).isEmpty();
        assertThat(first.created()).containsExactly("p11-officer", "p11-head-finance", "p11-head-regulator",
                "p65-officer", "p65-head-finance", "p65-head-regulator");
        assertThat(first.present()).isEmpty();
        assertThat(keycloak.users().keySet()).containsExactlyInAnyOrderElementsOf(first.created());
        assertThat(keycloak.adminCalls).noneMatch(call -> call.contains("zj-") || call.contains("gd-"));

        KeycloakStub.User officer = keycloak.user("p11-officer");
        assertThat(officer.attribute("province")).isEqualTo("11");
        assertThat(officer.attribute("agency")).isEqualTo("FINANCIAL_OFFICE");
        assertThat(officer.realmRoles()).containsExactly("provincial-officer");
        assertThat(officer.representation().path("firstName").asString()).isEqualTo("Beijing");
        assertThat(officer.representation().path("lastName").asString()).isEqualTo("Officer");
        assertThat(officer.representation().path("email").asString()).isEqualTo("p11-officer@p2p-supervision.example");
        assertThat(officer.representation().path("enabled").asBoolean()).isTrue();
        assertThat(officer.representation().path("emailVerified").asBoolean()).isTrue();
        assertThat(officer.representation().path("credentials").get(0).path("value").asString()).isEqualTo("demo");
        assertThat(officer.representation().path("credentials").get(0).path("temporary").asBoolean(true)).isFalse();

        KeycloakStub.User finance = keycloak.user("p65-head-finance");
        assertThat(finance.attribute("province")).isEqualTo("65");
        assertThat(finance.attribute("agency")).isEqualTo("FINANCIAL_OFFICE");
        assertThat(finance.realmRoles()).containsExactlyInAnyOrder("provincial-officer", "provincial-head");
        assertThat(finance.representation().path("firstName").asString()).isEqualTo("Xinjiang");
        KeycloakStub.User regulator = keycloak.user("p65-head-regulator");
        assertThat(regulator.attribute("agency")).isEqualTo("BANKING_REGULATOR");
        assertThat(regulator.realmRoles()).containsExactlyInAnyOrder("provincial-officer", "provincial-head");
        assertThat(regulator.representation().path("lastName").asString()).isEqualTo("Regulator Head");

        for (String username : first.created()) {
            client.tokens(username).refresh(); // logs in with password demo
        }
        assertThat(DemoClassification.officersOf("11").all())
                .containsExactly("p11-officer", "p11-head-finance", "p11-head-regulator");

        long posted = keycloak.created();
        DemoAccounts.Result again = new DemoAccounts(client, "admin", "admin").ensure(Set.of("65", "33", "11", "44"));

        assertThat(keycloak.violations).isEmpty();
        assertThat(again.created()).isEmpty();
        assertThat(again.present()).containsExactlyElementsOf(first.created());
        assertThat(keycloak.created()).isEqualTo(posted).isEqualTo(6);
        assertThat(keycloak.adminCalls).noneMatch(call -> call.startsWith("DELETE"));
    }

    @Test
    void anExistingUserIsLeftAsItIs() {
        keycloak.put("p12-officer", JsonMapper.builder().build().createObjectNode().put("enabled", true)
                .put("lastName", "Made by hand"));

        DemoAccounts.Result result = new DemoAccounts(client, "admin", "admin").ensure(List.of("12"));

        assertThat(keycloak.violations).isEmpty();
        assertThat(result.present()).containsExactly("p12-officer");
        assertThat(result.created()).containsExactly("p12-head-finance", "p12-head-regulator");
        assertThat(keycloak.user("p12-officer").representation().path("lastName").asString()).isEqualTo("Made by hand");
        assertThat(keycloak.user("p12-officer").realmRoles()).isEmpty();
        assertThat(keycloak.adminCalls).filteredOn(call -> call.startsWith("POST")).hasSize(4); // 2 users, 2 mappings
    }

    @Test
    void onlyZhejiangAndGuangdongNeedNoAdminLoginAtAll() {
        keycloak.adminPassword = "not-admin"; // would fail if it logged in

        DemoAccounts.Result result = new DemoAccounts(client, "admin", "admin").ensure(Set.of("33", "44"));

        assertThat(result.created()).isEmpty();
        assertThat(result.present()).isEmpty();
        assertThat(keycloak.adminCalls).isEmpty();
        assertThat(keycloak.violations).isEmpty();
    }

    @Test
    void aRefusedAdminLoginSaysWhichOptionsGiveTheCredentials() {
        keycloak.adminPassword = "s3cret";

        assertThatThrownBy(() -> new DemoAccounts(client, "admin", "admin").ensure(Set.of("11")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("--keycloak-admin-password")
                .hasMessageContaining("KEYCLOAK_ADMIN_PASSWORD");
        assertThat(keycloak.users()).isEmpty();

        DemoAccounts.Result result = new DemoAccounts(client, "admin", "s3cret").ensure(Set.of("11"));

        assertThat(result.created()).hasSize(3);
        assertThat(keycloak.violations).isEmpty();
    }

    @Test
    void aUserWhoseRolesFailIsDeletedSoTheNextRunCreatesItWhole() {
        keycloak.failRoleMappingsOf = "p11-head-finance";

        assertThatThrownBy(() -> new DemoAccounts(client, "admin", "admin").ensure(Set.of("11")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("role mappings of p11-head-finance").hasMessageContaining("HTTP 500");
        assertThat(keycloak.users().keySet()).containsExactly("p11-officer");

        keycloak.failRoleMappingsOf = null;
        DemoAccounts.Result result = new DemoAccounts(client, "admin", "admin").ensure(Set.of("11"));

        assertThat(keycloak.violations).isEmpty();
        assertThat(result.present()).containsExactly("p11-officer");
        assertThat(result.created()).containsExactly("p11-head-finance", "p11-head-regulator");
        assertThat(keycloak.user("p11-head-finance").realmRoles())
                .containsExactlyInAnyOrder("provincial-officer", "provincial-head");
    }

    @Test
    void everyProvinceButZhejiangAndGuangdongHasThreeAccountsWithAnEnglishName() {
        for (Provinces.Province province : Provinces.ALL) {
            List<DemoAccounts.Account> accounts = DemoAccounts.accountsOf(province.code());
            if (Set.of("33", "44").contains(province.code())) {
                assertThat(accounts).isEmpty();
                continue;
            }
            assertThat(accounts).extracting(DemoAccounts.Account::username)
                    .containsExactlyElementsOf(DemoClassification.officersOf(province.code()).all());
            assertThat(accounts).allSatisfy(account -> {
                assertThat(account.province()).isEqualTo(province.code());
                assertThat(account.firstName()).isNotBlank().matches("[A-Za-z ]+");
                assertThat(account.username()).startsWith("p" + province.code() + "-");
            });
        }
        assertThat(DemoAccounts.ENGLISH_NAMES).hasSize(31)
                .containsEntry("33", "Zhejiang").containsEntry("44", "Guangdong"); // as the realm's demo users
    }
}
