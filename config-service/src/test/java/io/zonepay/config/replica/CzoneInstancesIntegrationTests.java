package io.zonepay.config.replica;

import java.time.Duration;

import io.zonepay.config.GlobalDataTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a city's CZone on one database: one applies the log, the other follows
 * what it stores and serves from it, fresh; when the applying one dies, the other takes
 * the log over.
 */
class CzoneInstancesIntegrationTests {

	static GlobalDataTopology zones;

	@BeforeAll
	static void start() {
		zones = GlobalDataTopology.start();
		zones.startSecondInstance("cz-hz", "cz-hz-2");
	}

	@AfterAll
	static void stop() {
		zones.close();
	}

	@Test
	void bothInstancesServeTheCityAndTheSecondAppliesTheLogOnceTheFirstIsGone() {
		long first = createMerchant("5101", "Morning Buns");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			for (String instance : new String[] { "cz-hz", "cz-hz-2" }) {
				GlobalDataTopology.Answer read = zones.get(instance, "/api/merchants/5101");
				assertThat(read.status()).as(instance).isEqualTo(200);
				assertThat(read.servedBy()).isEqualTo("cz-hz");
				GlobalDataTopology.Answer watermark = zones.get(instance, "/api/global/watermark");
				assertThat(watermark.body().get("version").asLong()).isGreaterThanOrEqualTo(first);
				assertThat(watermark.body().get("stale").asBoolean()).as("%s is fresh", instance).isFalse();
			}
		});

		zones.stopZone("cz-hz");
		long second = createMerchant("5102", "Evening Buns");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			GlobalDataTopology.Answer read = zones.get("cz-hz-2", "/api/merchants/5102");
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.servedBy()).isEqualTo("cz-hz");
			assertThat(zones.get("cz-hz-2", "/api/global/watermark").body().get("version").asLong())
				.isGreaterThanOrEqualTo(second);
		});
	}

	private static long createMerchant(String id, String name) {
		return zones
			.admin("POST", "/admin/merchants",
					"{\"merchantId\": \"" + id + "\", \"name\": \"" + name
							+ "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}")
			.body()
			.get("version")
			.asLong();
	}

}
