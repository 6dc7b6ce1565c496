package io.zonepay.payment.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import io.zonepay.kernel.id.UserId;
import io.zonepay.testkit.SharedPostgres;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's features locked with a bound, on real PostgreSQL: while one transaction holds
 * them another gets none within its bound, without an error that would abort its
 * transaction, and gets them once the first commits.
 */
class JdbcRiskStoreIntegrationTests {

	private static final UserId EVE = new UserId(1_000_031L);

	private HikariDataSource pool;

	private DataSourceTransactionManager transactions;

	private JdbcRiskStore store;

	@BeforeEach
	void migrate() {
		String url = SharedPostgres.createDatabase("risk");
		Flyway.configure()
			.dataSource(url, SharedPostgres.user(), "")
			.locations("classpath:db/migration/payment")
			.load()
			.migrate();
		pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(SharedPostgres.user());
		pool.setMaximumPoolSize(3);
		transactions = new DataSourceTransactionManager(pool);
		store = new JdbcRiskStore(JdbcClient.create(pool), JsonMapper.builder().build());
	}

	@AfterEach
	void close() {
		pool.close();
	}

	@Test
	void aUserWhoseFeaturesAnotherTransactionHoldsGetsNoneWithinTheBoundAndThemOnceItCommits() {
		TransactionStatus holder = transactions.getTransaction(new DefaultTransactionDefinition());
		assertThat(store.lock(EVE, Duration.ofMillis(50))).as("the first request of a user").isPresent();
		// The holder's transaction is bound to this thread; the other runs on its own.
		AtomicReference<Optional<RiskState>> other = new AtomicReference<>();
		AtomicLong waitedMillis = new AtomicLong();
		Thread contender = Thread.ofVirtual().start(() -> {
			TransactionStatus mine = transactions.getTransaction(new DefaultTransactionDefinition());
			long started = System.nanoTime();
			other.set(store.lock(EVE, Duration.ofMillis(80)));
			waitedMillis.set((System.nanoTime() - started) / 1_000_000);
			assertThat(JdbcClient.create(pool).sql("select 1").query(Integer.class).single())
				.as("the transaction goes on: no error aborted it")
				.isEqualTo(1);
			transactions.commit(mine);
		});
		join(contender);

		assertThat(other.get()).isEmpty();
		assertThat(waitedMillis.get()).as("it tried for the whole bound").isGreaterThanOrEqualTo(80);
		transactions.commit(holder);
		TransactionStatus after = transactions.getTransaction(new DefaultTransactionDefinition());
		assertThat(store.lock(EVE, Duration.ofMillis(50))).isPresent();
		transactions.commit(after);
	}

	@Test
	void aUserFirstRequestCountedWhileAnotherWaitsIsCountedInWhatTheOtherGets() {
		Instant now = Instant.parse("2026-11-11T00:00:00Z");
		TransactionStatus holder = transactions.getTransaction(new DefaultTransactionDefinition());
		RiskState first = store.lock(EVE, Duration.ofMillis(50)).orElseThrow();
		AtomicReference<Optional<RiskState>> other = new AtomicReference<>();
		Thread contender = Thread.ofVirtual().start(() -> {
			TransactionStatus mine = transactions.getTransaction(new DefaultTransactionDefinition());
			other.set(store.lock(EVE, Duration.ofSeconds(5)));
			transactions.commit(mine);
		});
		// The contender has begun trying (and finding the lock taken) before the holder
		// counts and commits: what it gets must be the row as committed, not its
		// snapshot's.
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> advisoryWaiters() > 0 || other.get() != null);
		store.save(EVE, first.failed(now));
		transactions.commit(holder);
		join(contender);

		assertThat(other.get()).isPresent();
		assertThat(other.get().get().failuresHour().sum(now)).isEqualTo(1);
	}

	/**
	 * Sessions whose last statement tried a user's risk lock: a tried lock leaves no
	 * waiter to see. The holder's last statement made the user's row, so only the
	 * contender counts.
	 */
	private int advisoryWaiters() {
		return JdbcClient.create(pool)
			.sql("select count(*) from pg_stat_activity where query like '%pg_try_advisory_xact_lock%'"
					+ " and pid <> pg_backend_pid()")
			.query(Integer.class)
			.single();
	}

	private static void join(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
