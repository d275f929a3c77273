package cn.p2psupervision.incident.watch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of the watch package ({@code incident.watch.*}, {@link WatchProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchProperties.class)
class WatchConfiguration {
}
