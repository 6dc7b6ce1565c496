package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A city outlives its CZone: while {@code cz-hz} is down, the city's services and gateway
 * read global data from the other city's copy (then the GZone), so a merchant created
 * meanwhile is paid in both of the city's RZones.
 */
class CzoneDownIntegrationTests {

	static EndToEndTopology zonepay;

	static Http http = new Http();

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
	}

	@AfterAll
	static void noMoneyWasCreatedOrDestroyed() {
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	@Test
	void paymentsInTheCityGoOnForAMerchantCreatedAfterItsCzoneDied() {
		URI hz = zonepay.gateway("hz");
		zonepay.stop("cz-hz", "config");
		try {
			String merchant = Merchants.open(http, zonepay, "Night Market", "CNY", "ACTIVE");
			String admin = http.token(hz, 1, "admin");
			Http.Response read = http.get(hz.resolve("/api/merchants/" + merchant), admin);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.header("X-ZonePay-Served-By")).as("the other city's copy serves the city")
				.isEqualTo("cz-sh");

			for (int shard : new int[] { 21, 55 }) {
				Customer buyer = Customer.signUp(http, hz, shard);
				buyer.deposit(5_000, "CNY");
				String order = buyer.order(merchant, 1_250, "CNY");
				Http.Response payment = buyer.pay(order, "pay-" + order);

				assertThat(payment.status()).as(payment.body()).isEqualTo(201);
				assertThat(payment.header("X-ZonePay-Zone")).isEqualTo(zonepay.zoneOf(shard));
				JsonNode paid = payment.json();
				assertThat(paid.get("status").asString()).as(paid.toString()).isEqualTo("SUCCEEDED");
				await().atMost(Duration.ofSeconds(2)).until(() -> buyer.orderStatus(order).equals("PAID"));
				assertThat(buyer.balance("CNY")).isEqualTo(3_750);
			}
		}
		finally {
			zonepay.startConfigZone("cz-hz");
		}
		String user = http.token(hz, 1207, "user");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Http.Response watermark = http.get(hz.resolve("/api/global/watermark"), user);
			assertThat(watermark.json().get("zone").asString()).as("the city reads its own copy again")
				.isEqualTo("cz-hz");
			assertThat(watermark.json().get("stale").asBoolean()).isFalse();
		});
	}

}
