package io.zonepay.config.risk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.config.ConfigProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import io.zonepay.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bound on risk signals in force holds when two are set at once. */
@SpringBootTest(classes = ConfigServiceApplication.class,
		properties = { "spring.config.name=config-service", "zonepay.zone.id=gz", "zonepay.zone.city=hz",
				"zonepay.ids.node-id=1", "management.server.port=0", "zonepay.supervisor.enabled=false" })
@EmbeddedInfrastructure(database = "config", kafka = true)
class RiskSignalStoreIntegrationTests {

	private static final String FILLER = "user:77";

	@Autowired
	RiskSignalStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/** Threads of the test's own: the common pool may have one thread on two cores. */
	private final ExecutorService threads = Executors.newFixedThreadPool(3);

	/**
	 * The fillers were written to the table alone; the signals set through the store are
	 * cleared through it, so that the GZone's view holds nothing of this test in force.
	 */
	@AfterEach
	void clear() {
		threads.shutdownNow();
		jdbc.sql("delete from risk_signals where subject like ? and reason = 'filler'").param(FILLER + "%").update();
		List.of(FILLER + "0000001", FILLER + "0000002")
			.forEach(subject -> store.set(subject, new RiskSignal(0, false, null)));
	}

	@Test
	void twoSignalsSetAtOnceOneBelowTheBoundLetOnlyOneIn() throws Exception {
		fillToOneBelowTheBound();
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> blocker = holdTheGlobalVersion(release);
		List<CompletableFuture<Long>> sets = List.of(set(FILLER + "0000001"), set(FILLER + "0000002"));
		await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() >= 2);

		release.countDown();
		blocker.get(10, TimeUnit.SECONDS);

		long refused = sets.stream().filter(set -> refusedForTheBound(set)).count();
		assertThat(refused).as("one of the two is over the bound").isEqualTo(1);
		assertThat(inForce()).isEqualTo(RiskSignals.MAX);
	}

	private void fillToOneBelowTheBound() {
		// The GZone writes once it leads: until then a change is refused.
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> store.set(FILLER + "0000000", new RiskSignal(0, false, null)) > 0);
		int missing = RiskSignals.MAX - 1 - inForce();
		jdbc.sql("""
				insert into risk_signals (subject, risk, blocked, reason, version)
				select ? || lpad(g::text, 7, '0'), 0.5, false, 'filler', 0 from generate_series(10, ? + 9) g
				""").params(FILLER, missing).update();
		assertThat(inForce()).isEqualTo(RiskSignals.MAX - 1);
	}

	/**
	 * A transaction holding the global version's row until released: every change waits.
	 */
	private CompletableFuture<Void> holdTheGlobalVersion(CountDownLatch release) throws InterruptedException {
		CountDownLatch held = new CountDownLatch(1);
		CompletableFuture<Void> blocker = CompletableFuture
			.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				jdbc.sql("select version from global_version for update").query(Long.class).list();
				held.countDown();
				try {
					release.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}), threads);
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
		return blocker;
	}

	private CompletableFuture<Long> set(String subject) {
		return CompletableFuture.supplyAsync(() -> store.set(subject, new RiskSignal(0.9, false, "test")), threads);
	}

	private static boolean refusedForTheBound(CompletableFuture<Long> set) {
		try {
			set.get(10, TimeUnit.SECONDS);
			return false;
		}
		catch (Exception ex) {
			return ex.getCause() instanceof ProblemException problem
					&& problem.problem().equals(ConfigProblem.TOO_MANY_RISK_SIGNALS);
		}
	}

	private int waitingForLocks() {
		return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
			.query(Integer.class)
			.single();
	}

	private int inForce() {
		return jdbc.sql("select count(*) from risk_signals where blocked or risk > 0").query(Integer.class).single();
	}

}
