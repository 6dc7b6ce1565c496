package io.zonepay.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Opens merchants at the GZone, as an operator would, and waits until both cities' CZones
 * serve them.
 */
final class Merchants {

	private Merchants() {
	}

	static String open(Http http, EndToEndTopology zonepay, String name, String currency, String status) {
		String admin = http.token(zonepay.gateway("hz"), 1, "admin");
		Http.Response created = http.post(zonepay.gateway("hz").resolve("/admin/merchants"), admin, Map.of(),
				"{\"name\": \"" + name + "\", \"currency\": \"" + currency + "\", \"status\": \"" + status + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String merchantId = created.json().get("merchantId").asString();
		long version = created.json().get("version").asLong();
		for (String city : List.of("hz", "sh")) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(http
					.get(zonepay.gateway(city).resolve("/api/merchants/" + merchantId + "?min-version=" + version),
							admin)
					.status()).isEqualTo(200));
		}
		return merchantId;
	}

}
