package io.zonepay.config.replica;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.config.GlobalDataTopology;
import io.zonepay.runtime.PeriodicTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CZone cut off from the change log for longer than its bound says it is stale, stops
 * serving its own copy, and catches up when the log flows again; when the GZone is gone
 * from every city, the copies serve their last version, saying so, and a copy that cannot
 * hear the other city assumes nothing. The GZone and then a CZone are stopped at the end,
 * so these run in order on a topology of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaleReplicaIntegrationTests {

	static GlobalDataTopology zones;

	static String merchant;

	@BeforeAll
	static void start() {
		// Writes made while the relay is stopped are committed but not on the log: they
		// answer so (with their version) at once.
		zones = GlobalDataTopology.start("--zonepay.replication.acknowledge-within=100ms");
		GlobalDataTopology.Answer created = zones.admin("POST", "/admin/merchants",
				"{\"merchantId\": \"4242\", \"name\": \"Tea House\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
		// The write is committed either way; on a busy machine its answer may come before
		// the relay put it on the log within the 100 ms bound, and then says so instead
		// of
		// echoing the merchant.
		merchant = "4242";
		long version = created.body().get("version").asLong();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> zones.get("cz-hz", "/api/global/watermark").body().get("version").asLong() >= version);
	}

	@AfterAll
	static void stop() {
		zones.close();
	}

	@Test
	@Order(1)
	void atRestTheCopyIsFreshAndServesItself() {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			GlobalDataTopology.Answer watermark = zones.get("cz-hz", "/api/global/watermark");
			assertThat(watermark.body().get("stale").asBoolean()).isFalse();
			assertThat(watermark.body().get("stalenessMs").asLong()).isLessThan(1000);
		});
		assertThat(zones.get("cz-hz", "/api/merchants/" + merchant).servedBy()).isEqualTo("cz-hz");
		assertThat(zones.health("cz-hz").body().get("status").asString()).isEqualTo("UP");
	}

	@Test
	@Order(2)
	void withoutTheRelayTheCopyTurnsStaleAndReadsGoToTheGzone() {
		relay().stop();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(zones.get("cz-hz", "/api/global/watermark").body().get("stale").asBoolean()).isTrue();
			assertThat(zones.health("cz-hz").body().get("components").get("replica").get("status").asString())
				.isEqualTo("STALE");
		});
		GlobalDataTopology.Answer read = zones.get("cz-hz", "/api/merchants/" + merchant);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.servedBy()).isEqualTo("gz");
		assertThat(fallbacks("cz-hz", "stale")).isPositive();
	}

	@Test
	@Order(3)
	void aReaderHeldByACopyThatIsStaleIsLetGoToReadTheGzonesNewerView() throws Exception {
		long version = zones.get("cz-hz", "/internal/global/view").body().get("version").asLong();
		CompletableFuture<GlobalDataTopology.Answer> held = CompletableFuture.supplyAsync(() -> zones.get("cz-hz",
				"/internal/global/view?wait=2000", Map.of("If-None-Match", "\"" + version + "\"")));
		GlobalDataTopology.Answer flipped = zones.admin("PUT", "/admin/switches/payments.maxAmount.CNY",
				"{\"value\": \"400000\"}");

		// The copy never hears of the flip (no relay); a hold that ran out would answer
		// 304.
		GlobalDataTopology.Answer answer = held.get(10, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("version").asLong()).isEqualTo(flipped.body().get("version").asLong());
	}

	@Test
	@Order(4)
	void aStaleCopyPassesOnTheGzonesNewerViewAndHoldsAReaderThatAlreadyHasIt() {
		GlobalDataTopology.Answer flipped = zones.admin("PUT", "/admin/switches/payments.maxAmount.CNY",
				"{\"value\": \"500000\"}");
		long version = flipped.body().get("version").asLong();

		GlobalDataTopology.Answer newer = zones.get("cz-hz", "/internal/global/view?wait=500",
				Map.of("If-None-Match", "\"" + (version - 1) + "\""));
		assertThat(newer.status()).isEqualTo(200);
		assertThat(newer.body().get("version").asLong()).isEqualTo(version);

		// Answering this reader at once would make its next poll come at once too: a busy
		// loop while the copy is behind.
		long started = System.nanoTime();
		GlobalDataTopology.Answer current = zones.get("cz-hz", "/internal/global/view?wait=500",
				Map.of("If-None-Match", "\"" + version + "\""));
		assertThat(current.status()).isEqualTo(304);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	@Order(5)
	void whenTheRelayReturnsTheCopyCatchesUpAndServesItselfAgain() {
		GlobalDataTopology.Answer flipped = zones.admin("PUT", "/admin/switches/risk.mode",
				"{\"value\": \"RULES_ONLY\"}");
		long version = flipped.body().get("version").asLong();
		relay().start();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			GlobalDataTopology.Answer watermark = zones.get("cz-hz", "/api/global/watermark");
			assertThat(watermark.body().get("stale").asBoolean()).isFalse();
			assertThat(watermark.body().get("version").asLong()).isGreaterThanOrEqualTo(version);
		});
		assertThat(zones.get("cz-hz", "/api/merchants/" + merchant).servedBy()).isEqualTo("cz-hz");
		assertThat(zones.get("cz-sh", "/api/global/switches").body().toString()).contains("RULES_ONLY");
	}

	@Test
	@Order(6)
	void aCopyWhoseWriterIsGoneFromEveryCityServesItsLastVersionSayingSo() {
		relay().stop();
		zones.stopZone("gz");
		long version = zones.get("cz-sh", "/api/global/watermark").body().get("version").asLong();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			GlobalDataTopology.Answer read = zones.get("cz-sh", "/api/merchants/" + merchant);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.servedBy()).isEqualTo("cz-sh");
			assertThat(read.writer()).isEqualTo("unavailable");
		});
		GlobalDataTopology.Answer watermark = zones.get("cz-sh", "/api/global/watermark");
		assertThat(watermark.body().get("writer").asString()).isEqualTo("unavailable");
		assertThat(watermark.body().get("writerReachable").asBoolean()).isFalse();
		assertThat(watermark.body().get("version").asLong()).isEqualTo(version);
		assertThat(zones.health("cz-sh").body().get("components").get("replica").get("status").asString())
			.isEqualTo("DEGRADED");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(zones.get("cz-hz", "/api/merchants/" + merchant).writer()).as("both cities agree")
						.isEqualTo("unavailable"));
	}

	@Test
	@Order(7)
	void aCopyThatCannotHearTheOtherCityAssumesNothingAndRefuses() {
		zones.stopZone("cz-hz");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			GlobalDataTopology.Answer read = zones.get("cz-sh", "/api/merchants/" + merchant);
			assertThat(read.status()).isEqualTo(503);
			assertThat(read.body().get("code").asString()).isEqualTo("STALE_GLOBAL_DATA");
		});
		assertThat(zones.health("cz-sh").body().get("components").get("replica").get("status").asString())
			.isEqualTo("STALE");
	}

	private static PeriodicTask relay() {
		return zones.context("gz").getBean("changeRelayTask", PeriodicTask.class);
	}

	private static double fallbacks(String zone, String reason) {
		return zones.context(zone)
			.getBean(MeterRegistry.class)
			.get("zonepay.czone.fallbacks")
			.tag("reason", reason)
			.counter()
			.count();
	}

}
