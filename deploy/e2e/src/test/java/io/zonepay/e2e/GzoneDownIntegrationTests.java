package io.zonepay.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.testkit.TestCallers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform outlives its GZone. While neither city's CZone can reach it, no write of
 * global data can be happening, so each copy serves its last version and payments go on
 * in every zone; the standby in sh, silent writer and unreachable writer both, promotes
 * itself and global writes resume through the gateways; the old GZone, started again, is
 * fenced and can never write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GzoneDownIntegrationTests {

	/**
	 * The acceptance bound: global writes resume through the gateways within this time of
	 * the GZone's death.
	 */
	private static final Duration WRITES_RESUME_WITHIN = Duration.ofSeconds(30);

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
	@Order(1)
	void paymentsGoOnWhileTheGzoneIsGoneAndItsStandbyTakesGlobalWritesOver() {
		String user = http.token(zonepay.gateway("hz"), 1207, "user");
		String admin = http.token(zonepay.gateway("sh"), 1, "admin");
		long killed = System.nanoTime();
		zonepay.stop("gz", "config");

		for (int shard : new int[] { 14, 47, 81 }) {
			assertPaysAndKeepsTheBalance(shard, merchant);
		}
		// Global writes, through the gateway of either city, once the standby has
		// promoted itself.
		String[] created = new String[1];
		await().atMost(WRITES_RESUME_WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Http.Response write = http.post(zonepay.gateway("sh").resolve("/admin/merchants"), admin, Map.of(),
					"{\"name\": \"Harbour Noodles\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
			assertThat(write.status()).as(write.body()).isEqualTo(201);
			created[0] = write.json().get("merchantId").asString();
		});
		Duration resumed = Duration.ofNanos(System.nanoTime() - killed);
		System.out.printf("Global writes resumed %d ms after the GZone was stopped%n", resumed.toMillis());
		assertThat(resumed).isLessThanOrEqualTo(WRITES_RESUME_WITHIN);

		Http.Response writer = gzoneStatus("gz-sh");
		assertThat(writer.json().get("role").asString()).as(writer.body()).isEqualTo("ACTIVE");
		assertThat(writer.json().get("term").asLong()).isEqualTo(2);
		for (int shard : new int[] { 15, 48, 82 }) {
			assertPaysAndKeepsTheBalance(shard, created[0]);
		}
		// The new writer supervises the RZones: its checks see each of them answer.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Http.Response zones = http.get(zonepay.gateway("sh").resolve("/admin/zones"), admin);
			assertThat(zones.status()).as(zones.body()).isEqualTo(200);
			assertThat(zones.json()
				.get("zones")
				.valueStream()
				.filter(zone -> zone.get("kind").asString().equals("RZONE"))
				.map(zone -> zone.get("health").asString())).as(zones.body()).isNotEmpty().allMatch("UP"::equals);
		});
	}

	@Test
	@Order(2)
	void theOldGzoneStartedAgainCannotWrite() {
		await().atMost(WRITES_RESUME_WITHIN)
			.until(() -> "ACTIVE".equals(gzoneStatus("gz-sh").json().path("role").asString()));
		zonepay.startConfigZone("gz");

		String path = "/admin/merchants";
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			Http.Response refused = http.post(zonepay.endpoint("gz", "config").resolve(path), null,
					Map.of("X-ZonePay-Caller", operator("POST", path)),
					"{\"name\": \"Zombie Tea\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
			assertThat(refused.status()).as(refused.body()).isEqualTo(503);
			assertThat(refused.json().get("code").asString()).isEqualTo("GZONE_FENCED");
		});
		assertThat(gzoneStatus("gz").json().get("role").asString()).isEqualTo("FENCED");
		// Through the gateways, writes go to the writer as before.
		Merchants.open(http, zonepay, "Dawn Market", "CNY", "ACTIVE");
	}

	/** A GZone's own account of its role, asked directly, as an operator. */
	private static Http.Response gzoneStatus(String zone) {
		return http.get(zonepay.endpoint(zone, "config").resolve("/admin/gzone"), null,
				operator("GET", "/admin/gzone"));
	}

	private static String operator(String method, String path) {
		return TestCallers.sign(new Caller(null, Set.of(Role.ADMIN)), method, path, null);
	}

	private static void assertPaysAndKeepsTheBalance(int shard, String merchantId) {
		Customer buyer = Customer.signUp(http, zonepay.gateway(shard < 67 ? "hz" : "sh"), shard);
		buyer.deposit(4_000, "CNY");
		String order = buyer.order(merchantId, 900, "CNY");
		Http.Response payment = buyer.pay(order, "pay-" + order);
		assertThat(payment.status()).as(payment.body()).isEqualTo(201);
		assertThat(payment.json().get("status").asString()).as(payment.body()).isEqualTo("SUCCEEDED");
		assertThat(buyer.balance("CNY")).isEqualTo(3_100);
	}

}
