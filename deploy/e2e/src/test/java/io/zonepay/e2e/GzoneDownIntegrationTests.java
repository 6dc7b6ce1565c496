package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform outlives its GZone: once neither city's CZone can reach it, no write of global data can be happening,
 * so each copy serves its last version, saying so, and payments go on in every zone.
 */
class GzoneDownIntegrationTests {

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static String merchant;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		merchant = Merchants.open(http, zonepay, "Lantern Tea", "CNY", "ACTIVE");
	}

	@AfterAll
	static void noMoneyWasCreatedOrDestroyed() {
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	@Test
	void paymentsGoOnInEveryZoneWhileTheGzoneIsGone() {
		String user = http.token(zonepay.gateway("hz"), 1207, "user");
		zonepay.stop("gz", "config");
		try {
			for (String city : new String[] { "hz", "sh" }) {
				URI gateway = zonepay.gateway(city);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					Http.Response read = http.get(gateway.resolve("/api/merchants/" + merchant), user);
					assertThat(read.status()).as(read.body()).isEqualTo(200);
					assertThat(read.header("X-ZonePay-Served-By")).isEqualTo("cz-" + city);
					assertThat(read.header("X-ZonePay-Writer")).isEqualTo("unavailable");
				});
			}
			for (int shard : new int[] { 14, 47, 81 }) {
				Customer buyer = Customer.signUp(http, zonepay.gateway(shard < 67 ? "hz" : "sh"), shard);
				buyer.deposit(4_000, "CNY");
				// The merchant's last read may be older than the staleness bound: the copy serves it all the same.
				String order = buyer.order(merchant, 900, "CNY");
				Http.Response payment = buyer.pay(order, "pay-" + order);

				assertThat(payment.status()).as(payment.body()).isEqualTo(201);
				assertThat(payment.json().get("status").asString()).as(payment.body()).isEqualTo("SUCCEEDED");
				assertThat(buyer.balance("CNY")).isEqualTo(3_100);
			}
		}
		finally {
			zonepay.startConfigZone("gz");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Http.Response watermark = http.get(zonepay.gateway("hz").resolve("/api/global/watermark"), user);
			assertThat(watermark.json().get("writer").asString()).isEqualTo("available");
			assertThat(watermark.json().get("stale").asBoolean()).isFalse();
		});
	}
}
