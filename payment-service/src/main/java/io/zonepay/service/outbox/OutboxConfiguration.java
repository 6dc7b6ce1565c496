package io.zonepay.service.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.leadership.DatabaseLeadership;
import io.zonepay.service.messaging.MessageTracing;
import io.zonepay.service.relay.OrderedProducer;
import io.zonepay.service.shardgroup.ShardScopes;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * payment-service's outbox, the only one: the {@link Outbox} its transactions append to,
 * and the relay that publishes it, woken by every commit that appended. Its table is
 * payment-service's own ({@code V5__outbox.sql}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, ObjectProvider<Tracer> tracer) {
		return new Outbox(jdbc, json, events, tracer.getIfAvailable());
	}

	/**
	 * A relay per shard group the zone serves and traffic (the real and the shadow
	 * outbox), each leading on its own database under its own lock, so every outbox is
	 * published by exactly one zone's relay even while two zones share a group during a
	 * move.
	 */
	@Bean
	OutboxRelays outboxRelays(JdbcClient jdbc, JsonMapper json, KafkaProperties kafka, DataSource dataSource,
			OutboxProperties properties, ObjectProvider<ShardScopes> scopes, MeterRegistry registry,
			MessageTracing tracing) {
		// The relay's statements are plain SQL: JDBC transactions of its own, not the
		// service's JPA ones, which open a Hibernate session for every round (a round per
		// commit at a payment's pace; at 10 payments/s the relay took 13 % of its zone's
		// CPU, a third of that in beginning and committing, JFR).
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		OutboxRelay.OutboxProducers producers = new OutboxRelay.OutboxProducers(() -> OrderedProducer.create(kafka));
		OutboxRelays relays = new OutboxRelays(traffic -> new OutboxRelay(jdbc, transactions, json, producers,
				new DatabaseLeadership(dataSource, traffic.isShadow() ? "outbox relay (shadow)" : "outbox relay"),
				properties.batch(), tracing, traffic), scopes.getIfAvailable(), properties.rest());
		Gauge.builder("zonepay.outbox.backlog", relays, OutboxRelays::backlog)
			.description("Events waiting in the home outbox")
			.register(registry);
		return relays;
	}

	/**
	 * A thread of its own, not the shared job scheduler's: a commit wakes it at once,
	 * never beside a scheduled run; so does a new routing table, which may give the zone
	 * a shard group whose outbox another zone left.
	 */
	@Bean
	PeriodicTask outboxRelayTask(OutboxRelays relays, OutboxProperties properties,
			ObjectProvider<RoutingTables> tables) {
		PeriodicTask relay = PeriodicTask.resting("outbox-relay", properties.interval(), properties.rest(),
				relays::publish);
		tables.ifAvailable(routing -> routing.whenNewer(() -> {
			relays.lookEverywhere();
			relay.trigger();
		}));
		return relay;
	}

	/**
	 * The relays, one per shard group and traffic, created when the zone first serves the
	 * group, and dropped, their lock let go, at the first round that no longer serves it:
	 * a relay whose round raced the zone giving its group back could otherwise take that
	 * database's lock once more and keep it, and the group's owner would never publish
	 * its outbox again. A round looks only at the outboxes a commit appended to since
	 * their last look, the ones that asked to be looked at again soon (they sent
	 * something, Kafka refused, another instance leads), and every one not looked at for
	 * half a rest (what a crash or another instance left): a look costs its database a
	 * lock check and a transaction, and a commit wakes the relay for one outbox, not for
	 * the shadow one beside it. Used from the relay task's thread, but for
	 * {@link #appended} and {@link #lookEverywhere}.
	 */
	static final class OutboxRelays {

		private final Function<Traffic, OutboxRelay> factory;

		private final @Nullable ShardScopes scopes;

		private final Map<RelayKey, OutboxRelay> relays = new ConcurrentHashMap<>();

		private final OutboxRelay home;

		private final long sweepNanos;

		/** Outboxes a commit appended to since their relay's last look. */
		private final Set<RelayKey> appended = ConcurrentHashMap.newKeySet();

		/** Relays that asked to look again soon; only the relay thread touches it. */
		private final Set<RelayKey> eager = new HashSet<>();

		/** When each relay last looked; only the relay thread touches it. */
		private final Map<RelayKey, Long> looked = new HashMap<>();

		/** Set by a new routing table; taken by the next round. */
		private final AtomicBoolean everywhere = new AtomicBoolean(true);

		OutboxRelays(Function<Traffic, OutboxRelay> factory, @Nullable ShardScopes scopes, Duration rest) {
			this.factory = factory;
			this.scopes = scopes;
			this.home = factory.apply(Traffic.REAL);
			this.sweepNanos = rest.toNanos() / 2;
		}

		/**
		 * A commit appended to this group's (null: the home group's) outbox of this
		 * traffic.
		 */
		void appended(@Nullable ShardGroupId group, Traffic traffic) {
			if (group == null && scopes != null) {
				group = scopes.groups().home();
			}
			if (group == null) {
				lookEverywhere();
			}
			else {
				appended.add(new RelayKey(group, traffic));
			}
		}

		/**
		 * The next round looks at every outbox (a new routing table may have given the
		 * zone a group whose outbox another zone left).
		 */
		void lookEverywhere() {
			everywhere.set(true);
		}

		/** Answers whether any group's relay wants to look again soon. */
		boolean publish() {
			if (scopes == null) {
				return home.publish();
			}
			ShardGroupId homeGroup = scopes.groups().home();
			return publish(scopes::forEachServedGroup, homeGroup);
		}

		/**
		 * One round over the groups a job runs for (each bound to its group and traffic).
		 */
		boolean publish(Consumer<Consumer<ShardGroupId>> served, ShardGroupId homeGroup) {
			AtomicBoolean again = new AtomicBoolean();
			Set<RelayKey> round = new HashSet<>();
			boolean all = everywhere.getAndSet(false);
			long now = System.nanoTime();
			served.accept(group -> {
				Traffic traffic = TrafficScope.current();
				RelayKey key = new RelayKey(group, traffic);
				round.add(key);
				OutboxRelay relay = group.equals(homeGroup) && !traffic.isShadow() ? home
						: relays.computeIfAbsent(key, ignored -> factory.apply(traffic));
				if (!(appended.remove(key) | all || eager.contains(key) || due(key, now))) {
					return;
				}
				looked.put(key, now);
				if (relay.publish()) {
					eager.add(key);
					again.set(true);
				}
				else {
					eager.remove(key);
				}
			});
			relays.keySet().removeIf(key -> {
				if (round.contains(key)) {
					return false;
				}
				relays.get(key).resign();
				eager.remove(key);
				looked.remove(key);
				return true;
			});
			return again.get();
		}

		private boolean due(RelayKey key, long now) {
			Long last = looked.get(key);
			return last == null || now - last >= sweepNanos;
		}

		long backlog() {
			return home.backlog();
		}

		/** One outbox: a shard group's real or shadow one. */
		record RelayKey(ShardGroupId group, Traffic traffic) {
		}

	}

	@Bean
	OutboxWakeUp outboxWakeUp(PeriodicTask outboxRelayTask, OutboxRelays relays, OutboxProperties properties) {
		return new OutboxWakeUp(outboxRelayTask, relays, properties.linger());
	}

	/**
	 * Publishes once an appending transaction commits, with what other commits append
	 * within the linger: the outbox it appended to is marked first, so the round the
	 * wake-up starts looks at it.
	 */
	static final class OutboxWakeUp {

		private final PeriodicTask relay;

		private final OutboxRelays relays;

		private final Duration linger;

		OutboxWakeUp(PeriodicTask relay, OutboxRelays relays, Duration linger) {
			this.relay = relay;
			this.relays = relays;
			this.linger = linger;
		}

		@TransactionalEventListener
		void committed(Outbox.OutboxAppended appended) {
			relays.appended(appended.group(), appended.traffic());
			relay.trigger(linger);
		}

	}

}
