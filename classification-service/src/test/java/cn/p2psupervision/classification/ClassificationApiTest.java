package cn.p2psupervision.classification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The classification service as its API tests run it: the embedded store in memory, the campaign clock at
 * 2016-10-10 09:00 in China, no registry and no Keycloak reachable (port 9), the feed poller and the outbox relay
 * idle (tests call them), MockMvc. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.clock.start=2016-10-10T09:00:00+08:00",
        "platform.registry-feed.poll-delay=1h",
        "platform.outbox.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
@AutoConfigureMockMvc
public @interface ClassificationApiTest {
}
