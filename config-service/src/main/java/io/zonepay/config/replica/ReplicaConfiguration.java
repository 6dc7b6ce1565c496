package io.zonepay.config.replica;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.ReplicationProperties;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.leadership.DatabaseLeadership;
import io.zonepay.service.zone.ZoneProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CZone role: the replicator, its state, its reads, and how it reports its staleness.
 */
@Configuration(proxyBeanMethods = false)
@Profile("czone")
class ReplicaConfiguration {

	@Bean
	ReplicaState replicaState(ReplicationProperties properties, MeterRegistry registry) {
		ReplicaState state = new ReplicaState(Clock.systemUTC(), properties.stalenessBound());
		TimeGauge
			.builder("zonepay.czone.staleness", state, TimeUnit.MILLISECONDS, current -> current.staleness().toMillis())
			.description("How old this CZone's copy of global data is")
			.register(registry);
		return state;
	}

	@Bean
	GzoneClient gzoneClient(ReplicationProperties properties, CallerSigner signer, JsonMapper json) {
		return new GzoneClient(Objects.requireNonNullElse(properties.gzone(), List.of()), properties.gzoneTimeout(),
				signer, json);
	}

	@Bean
	WriterWatch writerWatch(ReplicaState state, GzoneClient gzone, RoutingTables tables, ZoneProperties zone,
			ReplicationProperties properties, JsonMapper json, CallerSigner signer, MeterRegistry registry) {
		WriterWatch watch = new WriterWatch(state, gzone, tables, zone.id(), properties.gzoneTimeout(), json, signer);
		Gauge.builder("zonepay.czone.writer.available", watch, current -> current.writerUnavailable() ? 0 : 1)
			.description("0 while the GZone is unavailable from everywhere this CZone can ask"
					+ ", and the copy serves its last version")
			.register(registry);
		return watch;
	}

	/**
	 * A look every quarter of a second: one boolean while the copy is fresh, questions
	 * only while it is stale. A thread of its own, not a shared job scheduler's: the
	 * staleness bound waits for no other job.
	 */
	@Bean
	PeriodicTask writerWatchTask(WriterWatch watch) {
		return new PeriodicTask("writer-watch", Duration.ZERO, Duration.ofMillis(250), watch::check);
	}

	@Bean
	ReplicaReads replicaReads(ReplicaState state, GzoneClient gzone, WriterWatch writer,
			ReplicationProperties properties, ZoneProperties zone, MeterRegistry registry) {
		return new ReplicaReads(state, gzone, writer, properties.minVersionWait(), zone.id().value(), registry);
	}

	@Bean
	ApplyLag applyLag(MeterRegistry registry) {
		return new ApplyLag(Timer.builder("zonepay.czone.apply.lag")
			.description("From a change's commit at the GZone to its apply at this CZone")
			.publishPercentiles(0.5, 0.99, 0.999)
			.publishPercentileHistogram()
			.register(registry));
	}

	@Bean
	ApplyLagEndpoint applyLagEndpoint(ApplyLag lag) {
		return new ApplyLagEndpoint(lag);
	}

	/**
	 * A city may run several instances of its CZone on one database (compose and
	 * Kubernetes run two): the one that holds the lock applies the log, the others follow
	 * what it stores and serve from it; if it dies, another takes over.
	 */
	@Bean
	Replicator replicator(ChangeTopic topic, ReplicaStore store, ReplicaState state, GzoneClient gzone,
			TransactionTemplate transactions, RoutingTables tables, ReplicationProperties properties, ApplyLag applyLag,
			JsonMapper json, ZoneProperties zone, ApplicationEventPublisher events, DataSource dataSource) {
		DatabaseLeadership leadership = new DatabaseLeadership(dataSource, "czone replicator");
		return new Replicator(new Replicator.Dependencies(topic, store, state, gzone, transactions, tables, properties,
				applyLag, json, events), zone.id().value(), leadership::lead);
	}

	@Bean
	ReplicaHealthIndicator replicaHealthIndicator(ReplicaState state, WriterWatch writer) {
		return new ReplicaHealthIndicator(state, writer);
	}

}
