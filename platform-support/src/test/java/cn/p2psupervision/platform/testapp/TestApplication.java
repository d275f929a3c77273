package cn.p2psupervision.platform.testapp;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.CallerView;
import cn.p2psupervision.platform.security.PlatformJwt;
import cn.p2psupervision.platform.security.PlatformSecurityProperties;

/** A small service built on the starter, the way the real services are. */
@SpringBootApplication
@EnableFeignClients
public class TestApplication {

    /** Same validators as production, with the test's signing key instead of Keycloak's JWK set. */
    @Bean
    JwtDecoder testJwtDecoder(PlatformSecurityProperties properties) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.KEY.toRSAPublicKey()).build();
        decoder.setJwtValidator(PlatformJwt.validator(properties));
        return decoder;
    }

    record Thing(@NotBlank String name, @PositiveOrZero BigDecimal amount) {
    }

    enum Kind { PERSON, ENTITY }

    /** One member of each kind the input policy rules on, echoed back as read. */
    record Inputs(String text, BigDecimal amount, Long count, LocalDate on, YearMonth period, Kind kind,
                  List<String> tags, Thing thing) {
    }

    @FeignClient(name = "self", url = "http://unused")
    interface SelfClient {
        @GetMapping("/api/v1/test/me")
        CallerView me(URI baseUrl);

        @GetMapping("/api/v1/test/request-id")
        String requestId(URI baseUrl);
    }

    @RestController
    static class TestController {
        private final AuditTrail audit;
        private final SelfClient self;
        private final Clock clock;

        TestController(AuditTrail audit, SelfClient self, Clock clock) {
            this.audit = audit;
            this.self = self;
            this.clock = clock;
        }

        @GetMapping("/api/v1/test/things/{id}")
        Map<String, String> thing(@PathVariable String id) {
            if (!id.equals("1")) {
                throw ProblemException.notFound("Thing", id);
            }
            return Map.of("id", id);
        }

        @PostMapping("/api/v1/test/things")
        AuditEntry create(@Valid @RequestBody Thing thing, Caller caller) {
            return audit.record(caller, "CREATE", "thing", thing.name(), null, thing, "test");
        }

        @PostMapping("/api/v1/test/inputs")
        Inputs inputs(@RequestBody Inputs inputs) {
            return inputs;
        }

        @GetMapping("/api/v1/test/page")
        PageParameters page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
            return PageParameters.of(page, size, 200, sort, Map.of("name", "nameKey"), "name");
        }

        @GetMapping("/api/v1/test/rule")
        void rule() {
            throw ProblemException.ruleViolation("ACC-02a", "Established after 2016-08-24");
        }

        @GetMapping("/api/v1/test/boom")
        void boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/api/v1/test/relay")
        CallerView relay(@RequestHeader("X-Test-Base") URI base) {
            return self.me(base);
        }

        @GetMapping("/api/v1/test/relay-request-id")
        String relayRequestId(@RequestHeader("X-Test-Base") URI base) {
            return self.requestId(base);
        }

        @GetMapping("/api/v1/test/request-id")
        String requestId(@RequestHeader("X-Request-Id") String requestId) {
            return requestId;
        }

        @GetMapping("/api/v1/test/clock")
        String clock() {
            return clock.instant().toString();
        }

        @GetMapping("/internal/ping")
        String ping() {
            return "pong";
        }
    }
}
