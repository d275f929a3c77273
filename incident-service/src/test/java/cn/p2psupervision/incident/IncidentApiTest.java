package cn.p2psupervision.incident;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import cn.p2psupervision.platform.test.MutableClock;

/**
 * The incident service as its API tests run it: the embedded store in memory, the campaign clock a
 * {@link MutableClock} the tests move (it starts at 2018-03-01 09:00 in China), no registry or Keycloak reachable
 * (port 9), the feed poller, the outbox relay and the scheduled scans idle (tests call them), MockMvc. Test classes
 * with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.registry-feed.poll-delay=1h",
        "platform.outbox.poll-delay=1h",
        "incident.deadlines.scan-delay=1h",
        "incident.watch.scan-delay=1h",
        "incident.watch.initial-delay=1h",
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
public @interface IncidentApiTest {
}
