package io.zonepay.config.replica;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.ReplicationProperties;
import io.zonepay.config.global.TypedTable;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.zone.ZoneProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A standby GZone's feed: the CZone's replicator, writing the whole GZone schema instead
 * of the entities alone.
 */
@Configuration(proxyBeanMethods = false)
@Profile("standby")
class StandbyFeedConfiguration {

	@Bean
	StandbyFeed standbyFeed(ChangeTopic topic, ReplicaStore entities, ChangeLog log, List<TypedTable> tables,
			TransactionTemplate transactions, RoutingTables routing, ReplicationProperties properties, JsonMapper json,
			ZoneProperties zone, ApplicationEventPublisher events, CallerSigner signer, MeterRegistry registry) {
		ReplicaState state = new ReplicaState(Clock.systemUTC(), properties.stalenessBound());
		TimeGauge
			.builder("zonepay.gzone.standby.staleness", state, TimeUnit.MILLISECONDS,
					current -> current.staleness().toMillis())
			.description("How old this standby's copy of the writer's log is")
			.register(registry);
		GzoneClient writer = new GzoneClient(Objects.requireNonNullElse(properties.gzone(), List.of()),
				properties.gzoneTimeout(), signer, json);
		ApplyLag lag = new ApplyLag(Timer.builder("zonepay.gzone.standby.apply.lag")
			.description("From a change's commit at the writer to its apply at this standby")
			.register(registry));
		StandbyStore store = new StandbyStore(entities, log, tables, transactions);
		Replicator replicator = new Replicator(new Replicator.Dependencies(topic, store, state, writer, transactions,
				routing, properties, lag, json, events), zone.id().value());
		return new StandbyFeed(replicator, state, writer);
	}

}
