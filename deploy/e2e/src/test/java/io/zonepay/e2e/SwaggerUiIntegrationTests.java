package io.zonepay.e2e;

import io.zonepay.testkit.HeadlessBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a developer meets it: a real browser opens a gateway's Swagger UI and finds
 * every service there.
 */
class SwaggerUiIntegrationTests {

	static EndToEndTopology zonepay;

	static HeadlessBrowser browser;

	@BeforeAll
	static void startZonePay() {
		browser = HeadlessBrowser.findOrInstall();
		zonepay = EndToEndTopology.get();
	}

	@Test
	void aGatewaysSwaggerUiListsEveryServiceAndShowsThePaymentCalls() {
		String dom = browser.dom(zonepay.gateway("sh").resolve("/swagger-ui.html"));

		assertThat(dom).contains("payments, refunds and transfers (payment-service)", "orders (order-service)",
				"users and balances (account-service)", "merchants, global data and administration (config-service)",
				"development tokens (gateway)");
		assertThat(dom).as("the payment-service document, rendered")
			.contains("ZonePay payment-service", "/api/payments/{paymentId}/refunds", "/api/transfers/{transferId}");
		assertThat(dom).doesNotContain("Failed to load API definition");
	}

}
