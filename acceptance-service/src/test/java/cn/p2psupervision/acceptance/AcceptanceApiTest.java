package cn.p2psupervision.acceptance;

import cn.p2psupervision.platform.test.MutableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The acceptance service as its API tests run it: the embedded store in memory, the campaign clock a
 * {@link MutableClock} the tests move (it starts at 2018-03-01 09:00 in China), no registry, classification or
 * Keycloak reachable (port 9), the feed poller and the outbox relay idle (tests call them), MockMvc. Classification's
 * facts come from a Mockito mock of {@code ClassificationFacts} that each test class declares. Test classes with this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.registry-feed.poll-delay=1h",
        "platform.outbox.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "platform.classification.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
public @interface AcceptanceApiTest {
}
