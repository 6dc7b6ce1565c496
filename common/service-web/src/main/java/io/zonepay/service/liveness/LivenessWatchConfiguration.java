package io.zonepay.service.liveness;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The liveness watch, served where the actuator is: on the management port (service port
 * + 100) in every deployment, which is where the GZone's supervisor looks, and on the
 * service's own port only for a service run without a management port. A management
 * context configuration rather than an actuator endpoint, because an endpoint answers
 * once and a watch streams; it lives in the management context, so it is started, served
 * and stopped with the management server, apart from the API's filters (callers,
 * deadlines, zone stamping) that have nothing to say to a watcher.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LivenessWatchProperties.class)
class LivenessWatchConfiguration {

	/**
	 * What the watchers hear is the liveness state that {@code /actuator/health/liveness}
	 * reports: its group holds that indicator alone.
	 */
	@Bean
	LivenessWatchers livenessWatchers(ApplicationAvailability availability, LivenessWatchProperties properties) {
		return new LivenessWatchers(availability, properties);
	}

	@Bean
	LivenessWatchController livenessWatchController(LivenessWatchers watchers, LivenessWatchProperties properties) {
		return new LivenessWatchController(watchers, properties);
	}

}
