package io.zonepay.payment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.OrdersClient;
import io.zonepay.payment.zone.OrdersClient.OrderSnapshot;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalDataClient;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.global.MerchantDocument;
import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.StatementLog;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;

/**
 * payment-service as it runs, on a real PostgreSQL (through {@link StatementLog}) and
 * Kafka, with stand-ins for what lies outside it: order-service, the ledger and the
 * CZone. The ledger posts and the merchant is active unless a test says otherwise; zone
 * rz1 serves shard 7, where every payer here lives.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=payment-service", "zonepay.zone.id=rz1", "zonepay.zone.city=hz",
				"zonepay.zone.shard-group=sg1", "zonepay.ids.node-id=13", "management.server.port=0",
				"spring.datasource.driver-class-name=io.zonepay.testkit.StatementLog" })
@EmbeddedInfrastructure(database = "payment", kafka = true)
abstract class AgainstStandIns {

	static final MerchantId TEA_HOUSE = new MerchantId(9_001);

	private static final AtomicLong USERS = new AtomicLong(1_207);

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	GlobalData global;

	@MockitoBean
	OrdersClient orders;

	@MockitoBean
	LedgerClient ledger;

	@MockitoBean
	GlobalDataClient czone;

	@BeforeEach
	void standIns() throws Exception {
		global.offer(new GlobalView(1, TestRouting.evenly(1, "rz1", "rz2"), Switches.none(),
				Set.of(CurrencyCode.of("CNY"))));
		given(czone.merchant(TEA_HOUSE))
			.willReturn(Optional.of(new MerchantDocument(TEA_HOUSE.toString(), "Tea House", "CNY", "ACTIVE", 1)));
		given(ledger.post(any(), any(), any(), anyList())).willReturn(Settled.POSTED);
	}

	RestTestClient.ResponseSpec pay(UserId payer, OrderId order, String key) {
		return client().post()
			.uri("/api/payments")
			.header("X-ZonePay-Caller", TestCallers.user(payer.value(), "POST", "/api/payments"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(Map.of("orderId", order.toString())))
			.exchange();
	}

	RestTestClient.ResponseSpec refund(UserId payer, String paymentId, long amount, String key) {
		String path = "/api/payments/" + paymentId + "/refunds";
		return client().post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(payer.value(), "POST", path))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": " + amount + "}")
			.exchange();
	}

	/** A payer of shard 7, never seen before. */
	static UserId newPayer() {
		return new UserId(USERS.getAndAdd(100));
	}

	/** A new order of the payer: 3 000 CNY to the Tea House, CREATED. */
	OrderId orderOf(UserId payer) {
		OrderId order = new OrderId(payer.value() + 1_000_000);
		order(order, payer, "CREATED");
		return order;
	}

	/** What order-service says of the order from now on. */
	void order(OrderId order, UserId payer, String status) {
		given(orders.order(order)).willReturn(Optional
			.of(new OrderSnapshot(order, payer, TEA_HOUSE, new Money(3_000, CurrencyCode.of("CNY")), status)));
	}

	private RestTestClient client() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
