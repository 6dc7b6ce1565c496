package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Global data is written once at the GZone and read in each city from that city's CZone.
 */
class GlobalDataIntegrationTests {

	/**
	 * How soon a change reaches every reader: the CZone's staleness bound (1 s) plus a
	 * reader's refresh interval (100 ms), with room for a loaded two-core machine.
	 */
	private static final Duration PROPAGATION = Duration.ofSeconds(3);

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static String admin;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		admin = http.token(zonepay.gateway("hz"), 1, "admin");
	}

	@Test
	void aMerchantCreatedAtTheGzoneIsServedInEachCityByItsCzone() {
		Http.Response created = http.post(zonepay.gateway("sh").resolve("/admin/merchants"), admin, Map.of(),
				"{\"name\": \"Noodle Bar\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("merchantId").asString();
		long version = created.json().get("version").asLong();
		String user = http.token(zonepay.gateway("hz"), 1207, "user");

		for (String city : List.of("hz", "sh")) {
			await().atMost(PROPAGATION).untilAsserted(() -> {
				Http.Response read = http.get(zonepay.gateway(city).resolve("/api/merchants/" + id), user);
				assertThat(read.status()).isEqualTo(200);
				assertThat(read.header("X-ZonePay-Served-By")).isEqualTo("cz-" + city);
				assertThat(read.json().get("version").asLong()).isEqualTo(version);
			});
		}
	}

	@Test
	void aSwitchFlippedAtTheGzoneReachesEveryServiceInBothCities() {
		String before = currentRiskMode();
		String next = before.equals("OFF") ? "RULES_ONLY" : "OFF";
		try {
			zonepay.riskMode(next, PROPAGATION);
		}
		finally {
			// The suite's other tests pay with risk control as it was.
			zonepay.riskMode(before, PROPAGATION);
		}
	}

	@Test
	void eachCitysCopyIsFreshAtRest() {
		String user = http.token(zonepay.gateway("hz"), 1207, "user");
		for (String city : List.of("hz", "sh")) {
			URI gateway = zonepay.gateway(city);
			await().atMost(PROPAGATION).untilAsserted(() -> {
				Http.Response watermark = http.get(gateway.resolve("/api/global/watermark"), user);
				assertThat(watermark.json().get("zone").asString()).isEqualTo("cz-" + city);
				assertThat(watermark.json().get("stale").asBoolean()).isFalse();
				assertThat(watermark.json().get("stalenessMs").asLong()).isLessThan(1000);
			});
		}
	}

	private static String currentRiskMode() {
		return http.get(zonepay.management("rz1", "account").resolve("/actuator/globaldata"), null)
			.json()
			.get("switches")
			.get("risk.mode")
			.asString();
	}

}
