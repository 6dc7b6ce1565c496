package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonepay.testkit.HeadlessBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The war-room page as an operator sees it: a real browser loads it from a gateway and
 * every zone shows up, live, with the payments of both cities' gateways on its curve.
 */
class OpsPageIntegrationTests {

	static EndToEndTopology zonepay;

	static HeadlessBrowser browser;

	@BeforeAll
	static void startZonePay() {
		browser = HeadlessBrowser.findOrInstall();
		zonepay = EndToEndTopology.get();
	}

	@Test
	void theOpsPageShowsEveryZoneAndEveryCzoneInABrowser() {
		String dom = browser.dom(zonepay.gateway("sh").resolve("/ops"));

		assertThat(dom).contains("ZonePay war room");
		assertThat(zonepay.rzones()).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(zone -> assertThat(dom).as("the page shows " + zone)
				.containsPattern(
						"<tr data-zone=\"" + zone + "\"><td>" + zone + "</td><td>[a-z]+</td><td class=\"UP\">UP</td>"));
		assertThat(dom).as("both cities' CZones, fresh")
			.containsPattern("<tr data-zone=\"cz-[a-z]+\">.*fresh.*<tr data-zone=\"cz-[a-z]+\">.*fresh");
		assertThat(dom).containsPattern("routing epoch <b id=\"epoch\">[1-9][0-9]*</b>")
			.contains("<span id=\"error\" class=\"error\"></span>");
	}

	/**
	 * Payments through the hz gateway only, the page from sh's: its curve has them, so it
	 * counts its peer's traffic.
	 */
	@Test
	void theWarRoomDrawsThePaymentsOfBothGatewaysTheWaterLevelsAndTheRoutingMap() {
		Http http = new Http();
		String merchant = Merchants.open(http, zonepay, "War Room Tea", "CNY", "ACTIVE");
		Customer payer = Customer.signUp(http, zonepay.gateway("hz"), 12);
		payer.deposit(10_000, "CNY");
		for (int i = 0; i < 3; i++) {
			String order = payer.order(merchant, 100, "CNY");
			Http.Response payment = payer.pay(order, "ops-" + order);
			assertThat(payment.status()).as(payment.body()).isEqualTo(201);
		}
		// The history holds complete seconds only: the page is loaded once they are in
		// the
		// state the sh gateway answers.
		URI sh = zonepay.gateway("sh");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode payments = http.get(sh.resolve("/ops/state"), null)
				.json()
				.get("history")
				.get("total")
				.get("payments");
			long sum = 0;
			for (JsonNode second : payments) {
				sum += second.asLong();
			}
			assertThat(sum).isGreaterThanOrEqualTo(3);
		});
		JsonNode owners = http.get(sh.resolve("/admin/routing"), http.token(sh, 1, "admin")).json().get("shards");

		String dom = browser.dom(sh.resolve("/ops"));

		assertThat(dom).as("drawn without an error").doesNotContain("data-error=");
		assertThat(attribute(dom, "body", "data-charts")).contains("payments", "errors", "water", "map");
		assertThat(Integer.parseInt(attribute(dom, "body", "data-payment-points")))
			.as("seconds with payments on the curve of the sh gateway's page")
			.isPositive();
		assertThat(dom).as("the hz gateway's traffic is counted")
			.containsPattern("<span class=\"ok\" data-gateway=\"hz\">");
		assertThat(zonepay.rzones()).allSatisfy(zone -> assertThat(dom).as("the water level of " + zone)
			.containsPattern("<div class=\"water\" data-zone=\"" + zone
					+ "\" data-level=\"[0-9]+\\.[0-9]{3}\" data-basis=\"(capacity|inflight)\">"));
		assertThat(Pattern.compile("<div class=\"shard[^\"]*\" data-shard=\"[0-9]{2}\"").matcher(dom).results().count())
			.as("shards on the routing map")
			.isEqualTo(100);
		assertThat(dom).contains("data-shard=\"12\" data-zone=\"" + owners.get("12").asString() + "\"")
			.contains("data-shard=\"99\" data-zone=\"" + owners.get("99").asString() + "\"");
	}

	private static String attribute(String dom, String element, String name) {
		Matcher matcher = Pattern.compile("<" + element + "[^>]* " + name + "=\"([^\"]*)\"").matcher(dom);
		assertThat(matcher.find()).as("<%s> has %s in%n%s", element, name, dom).isTrue();
		return matcher.group(1);
	}

}
