package io.zonepay.service.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.service.leadership.DatabaseLeadership;
import io.zonepay.service.messaging.MessageTracing;
import io.zonepay.testkit.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two relays on one shard group's outbox, on real PostgreSQL, as while a zone gives back
 * a group it adopted: the one that does not lead keeps looking at its pace, so it takes
 * over as soon as the other lets go, not a rest later (compose's drill waits 2 s for an
 * order to turn PAID right after the move back).
 */
class OutboxRelayIntegrationTests {

	private final List<HikariDataSource> pools = new ArrayList<>();

	private final List<DatabaseLeadership> leaderships = new ArrayList<>();

	private String url;

	@BeforeEach
	void migrate() {
		url = migrated(SharedPostgres.createDatabase("outbox"));
	}

	private static String migrated(String database) {
		Flyway.configure()
			.dataSource(database, SharedPostgres.user(), "")
			.locations("classpath:db/migration/payment")
			.load()
			.migrate();
		return database;
	}

	@AfterEach
	void close() {
		leaderships.forEach(DatabaseLeadership::release);
		pools.forEach(HikariDataSource::close);
	}

	@Test
	void aRelayThatDoesNotLeadAsksToLookAgainSoonAndAnIdleLeaderRests() {
		OutboxRelay leader = relay();
		OutboxRelay other = relay();

		assertThat(leader.publish()).as("the leader, with nothing to publish").isFalse();
		assertThat(other.publish()).as("the relay another instance's lock keeps out").isTrue();
	}

	@Test
	void theOtherRelayLeadsOnItsNextLookOnceTheLeaderLetsGo() {
		OutboxRelay leader = relay();
		OutboxRelay other = relay();
		leader.publish();
		assertThat(other.publish()).isTrue();

		leaderships.get(0).release();

		assertThat(other.publish()).as("now leading, with nothing to publish").isFalse();
	}

	@Test
	void aRelayOfAGroupTheZoneNoLongerServesLetsItsLockGoAtTheNextRound() {
		ShardGroupId home = ShardGroupId.of("sg2");
		ShardGroupId adopted = ShardGroupId.of("sg1");
		// The zone's home relay (made first) leads on a database of its own.
		String homeDatabase = migrated(SharedPostgres.createDatabase("outbox_home"));
		List<String> databases = new ArrayList<>(List.of(homeDatabase));
		OutboxConfiguration.OutboxRelays zone = new OutboxConfiguration.OutboxRelays(
				traffic -> relay(databases.isEmpty() ? url : databases.removeFirst()), null, Duration.ofMinutes(10));
		zone.publish(job -> List.of(home, adopted).forEach(job), home);
		OutboxRelay owner = relay();
		assertThat(owner.publish()).as("the group's owner, while the adopting zone's relay holds the lock").isTrue();

		zone.publish(job -> job.accept(home), home);

		assertThat(owner.publish()).as("the owner, leading once the group was given back").isFalse();
	}

	@Test
	void aRoundLooksOnlyAtAnOutboxACommitAppendedToOrWhoseRelayAskedToLookAgain() throws SQLException {
		ShardGroupId home = ShardGroupId.of("sg1");
		OutboxConfiguration.OutboxRelays zone = new OutboxConfiguration.OutboxRelays(traffic -> relay(), null,
				Duration.ofMinutes(10));
		Consumer<Consumer<ShardGroupId>> served = job -> job.accept(home);
		assertThat(zone.publish(served, home)).as("the first round looks everywhere, and finds nothing").isFalse();
		appendWithoutTelling();

		assertThat(zone.publish(served, home)).as("a round with nothing appended does not look").isFalse();

		zone.appended(home, Traffic.REAL);
		assertThat(zone.publish(served, home)).as("it looks once told: Kafka (absent here) refuses the event").isTrue();
		assertThat(zone.publish(served, home)).as("the relay asked to look again soon").isTrue();
	}

	/**
	 * An event in the outbox, as another instance or a crash before the wake-up leaves
	 * it.
	 */
	private void appendWithoutTelling() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, SharedPostgres.user(), "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					insert into outbox (event_id, topic, kafka_partition, message_key, event_type, payload)
					values (gen_random_uuid(), 'zonepay.payments.events', 0, 'key', 'PaymentSucceeded', '{}')
					""");
		}
	}

	private OutboxRelay relay() {
		return relay(url);
	}

	private OutboxRelay relay(String database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database);
		pool.setUsername(SharedPostgres.user());
		pool.setMaximumPoolSize(2);
		pools.add(pool);
		DatabaseLeadership leadership = new DatabaseLeadership(pool, "outbox relay");
		leaderships.add(leadership);
		OutboxRelay.OutboxProducers producers = new OutboxRelay.OutboxProducers(() -> {
			throw new IllegalStateException("nothing to send, so no producer");
		});
		return new OutboxRelay(JdbcClient.create(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)),
				JsonMapper.builder().build(), producers, leadership, 10, MessageTracing.NONE, Traffic.REAL);
	}

}
