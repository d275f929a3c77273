package cn.p2psupervision.incident.watch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.p2psupervision.incident.IncidentApiTest;
import cn.p2psupervision.platform.registryfeed.RegistryFigures;

/**
 * The incident service as the scan tests of the watch package run it ({@link IncidentApiTest}): the registry's
 * figures come from a Mockito mock of {@link RegistryFigures} that the tests answer with {@link WatchFigures#answer},
 * two institutions a batch so that every scan asks for many; the scheduled scan stays idle (its first run an hour after
 * start).
 * Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IncidentApiTest
@TestPropertySource(properties = {"incident.watch.initial-delay=1h", "incident.watch.page-size=2"})
@MockitoBean(types = RegistryFigures.class)
@interface WatchScanApiTest {
}
