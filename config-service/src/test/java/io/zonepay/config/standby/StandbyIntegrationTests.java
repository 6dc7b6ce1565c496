package io.zonepay.config.standby;

import java.time.Duration;

import io.zonepay.config.GlobalDataTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The GZone's standby in sh follows the writer's log into a whole GZone schema, refuses
 * to serve until it is the writer, and once promoted by command goes on from the next
 * version under a newer term; the old writer, still running or started again, can never
 * write again, and no copy applies what it tried. Runs in order on a topology of its own;
 * automatic promotion is left to the end-to-end suite, where the GZone is killed under
 * traffic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandbyIntegrationTests {

	static GlobalDataTopology zones;

	@BeforeAll
	static void start() {
		zones = GlobalDataTopology.start("--zonepay.gzone.standby.automatic-promotion=false");
		zones.startZone("gz-sh");
	}

	@AfterAll
	static void stop() {
		zones.close();
	}

	@Test
	@Order(1)
	void theStandbyHoldsEveryWriteInItsOwnTablesAndServesNothingWhileTheWriterLives() {
		long version = createMerchant("gz", "7001", "Dumpling Bar").body().get("version").asLong();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			GlobalDataTopology.Answer status = zones.admin("gz-sh", "GET", "/admin/gzone", "");
			assertThat(status.body().get("role").asString()).isEqualTo("STANDBY");
			assertThat(status.body().get("version").asLong()).isGreaterThanOrEqualTo(version);
		});
		assertThat(merchantRow("gz-sh", 7001)).as("the typed table, with the writer's version")
			.isEqualTo("Dumpling Bar@" + version);

		GlobalDataTopology.Answer read = zones.get("gz-sh", "/api/merchants/7001");
		assertThat(read.status()).isEqualTo(503);
		assertThat(read.writer()).isEqualTo("standby");
		assertThat(read.body().get("code").asString()).isEqualTo("NOT_THE_WRITER");
		GlobalDataTopology.Answer write = createMerchant("gz-sh", "7002", "Noodle Stand");
		assertThat(write.status()).isEqualTo(503);
		assertThat(write.body().get("code").asString()).isEqualTo("NOT_THE_WRITER");
	}

	@Test
	@Order(2)
	void aPromotedStandbyWritesOnFromTheNextVersionUnderANewerTermAndEveryCopyFollowsIt() {
		long last = zones.get("gz", "/api/global/watermark").body().get("version").asLong();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> zones.admin("gz-sh", "GET", "/admin/gzone", "").body().get("version").asLong() >= last);

		GlobalDataTopology.Answer promoted = zones.admin("gz-sh", "POST", "/admin/gzone/promote", "");
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.body().get("role").asString()).isEqualTo("ACTIVE");
		assertThat(promoted.body().get("term").asLong()).isEqualTo(2);
		// The promotion's first write marks the old writer DOWN: the version after the
		// last one the old writer logged.
		assertThat(promoted.body().get("version").asLong()).isEqualTo(last + 1);

		GlobalDataTopology.Answer created = createMerchant("gz-sh", "7003", "Bao House");
		assertThat(created.status()).isEqualTo(201);
		long version = created.body().get("version").asLong();
		assertThat(version).isEqualTo(last + 2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			GlobalDataTopology.Answer read = zones.get("cz-hz", "/api/merchants/7003");
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.servedBy()).isEqualTo("cz-hz");
		});
		assertThat(zones.get("cz-sh", "/api/global/routing").body().toString()).contains("\"gz\"");
	}

	@Test
	@Order(3)
	void theOldWriterStillRunningIsFencedAndNoCopyAppliesWhatItTried() {
		GlobalDataTopology.Answer refused = createMerchant("gz", "7004", "Zombie Snacks");
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.body().get("code").asString()).isEqualTo("GZONE_FENCED");

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			GlobalDataTopology.Answer status = zones.admin("gz", "GET", "/admin/gzone", "");
			assertThat(status.body().get("role").asString()).isEqualTo("FENCED");
		});
		long newest = createMerchant("gz-sh", "7005", "Tea Garden").body().get("version").asLong();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> zones.get("cz-sh", "/api/global/watermark").body().get("version").asLong() >= newest);
		assertThat(zones.get("cz-sh", "/api/merchants/7004").status()).isEqualTo(404);
		assertThat(zones.get("cz-hz", "/api/merchants/7004").status()).isEqualTo(404);
		assertThat(zones.get("cz-sh", "/api/merchants/7005").status()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void theOldWriterStartedAgainCannotWrite() {
		zones.stopZone("gz");
		zones.startZone("gz");

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			GlobalDataTopology.Answer refused = createMerchant("gz", "7006", "Late Noodles");
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.body().get("code").asString()).isEqualTo("GZONE_FENCED");
			assertThat(refused.writer()).isEqualTo("fenced");
		});
		assertThat(zones.get("gz", "/api/merchants/7003").status()).as("nor serve its data").isEqualTo(503);
		assertThat(createMerchant("gz-sh", "7007", "Rice Bowl").status()).isEqualTo(201);
	}

	private static GlobalDataTopology.Answer createMerchant(String zone, String id, String name) {
		return zones.admin(zone, "POST", "/admin/merchants", "{\"merchantId\": \"" + id + "\", \"name\": \"" + name
				+ "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
	}

	private static String merchantRow(String zone, long id) {
		return zones.context(zone)
			.getBean(JdbcClient.class)
			.sql("select name || '@' || version from merchants where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}
