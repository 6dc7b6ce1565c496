package io.zonepay.config.supervision;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.config.global.Writer;
import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.config.switches.SwitchStore;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.leadership.DatabaseLeadership;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The GZone's supervisor: its checks, its decisions and the thread that runs them on one
 * GZone instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class SupervisionConfiguration {

	/**
	 * Judges each round by the liveness the services stream, one stream each, rather than
	 * by a request to each every round: those requests were most of what an idle zone
	 * did. Polls the health path of a service that serves no watch.
	 */
	@Bean(destroyMethod = "close")
	WatchingHealthChecker healthChecker(SupervisorProperties properties) {
		HttpHealthChecker poller = new HttpHealthChecker(properties.checkTimeout(), properties.managementPortOffset(),
				properties.healthPath());
		return new WatchingHealthChecker(poller, properties.interval(), properties.checkTimeout(),
				properties.managementPortOffset(), properties.watchPath(), Clock.systemUTC());
	}

	@Bean(destroyMethod = "close")
	CzoneWatermarks czoneWatermarks(SupervisorProperties properties, CallerSigner signer, JsonMapper json) {
		return new CzoneWatermarks(properties.checkTimeout(), signer, json);
	}

	@Bean
	Standbys standbys(Topology topology) {
		return new Standbys(topology);
	}

	@Bean
	ZoneMeters zoneMeters(MeterRegistry registry) {
		return new ZoneMeters(registry);
	}

	/**
	 * Every city's gateway, as the topology declares it: what they see on the request
	 * path tells a frozen zone from a busy one.
	 */
	@Bean(destroyMethod = "close")
	GatewayViews gatewayViews(Topology topology, SupervisorProperties properties, JsonMapper json) {
		List<URI> gateways = topology.cities().stream().map(Topology.City::gateway).filter(Objects::nonNull).toList();
		return new GatewayViews(gateways, properties.gatewayTimeout(), json);
	}

	@Bean
	ZoneSupervisor zoneSupervisor(HealthChecker checker, GatewayViews gateways, RoutingChanges routing,
			SwitchStore switches, Standbys standbys, ZoneMeters meters, SupervisorProperties properties) {
		return new ZoneSupervisor(checker, gateways, routing, () -> switches.current().automaticFailover(), standbys,
				meters, properties, Clock.systemUTC());
	}

	/**
	 * Only the writer supervises (a standby from its promotion on), and of its instances
	 * only the one that holds the lock: two supervisors would judge the zones twice as
	 * fast. A thread of its own, not a shared job scheduler's: the failover's bound waits
	 * for no other job, and the leadership's connection is used from this one thread.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "zonepay.supervisor.enabled", matchIfMissing = true)
	PeriodicTask zoneSupervisorTask(ZoneSupervisor supervisor, SupervisorProperties properties, DataSource dataSource,
			Writer writer) {
		DatabaseLeadership leadership = new DatabaseLeadership(dataSource, "zone supervisor");
		return new PeriodicTask("zone-supervisor", properties.interval(), properties.interval(), () -> {
			if (writer.active() && leadership.lead()) {
				supervisor.superviseOnce();
			}
		});
	}

}
