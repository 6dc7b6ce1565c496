package io.zonepay.e2e;

import io.zonepay.testkit.HeadlessBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The war-room page as an operator sees it: a real browser loads it from a gateway and
 * every zone shows up, live.
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

}
