package io.zonepay.payment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.payment.StatementLog.Summary;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.OrdersClient;
import io.zonepay.payment.zone.OrdersClient.OrderSnapshot;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalDataClient;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.global.MerchantDocument;
import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;

/**
 * What a payment and a refund cost the payment database, counted at the JDBC driver on
 * the request's own thread: the statements it runs and the transactions it commits.
 * order-service, the ledger and the CZone are stand-ins; what they cost their own
 * databases is theirs (deploy/bench/sql/payment.sql replays all of it).
 */
@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=payment-service", "zonepay.zone.id=rz1", "zonepay.zone.city=hz",
				"zonepay.zone.shard-group=sg1", "zonepay.ids.node-id=13", "management.server.port=0",
				"spring.datasource.driver-class-name=io.zonepay.payment.StatementLog" })
@EmbeddedInfrastructure(database = "payment", kafka = true)
class PaymentCostIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(PaymentCostIntegrationTests.class);

	private static final MerchantId TEA_HOUSE = new MerchantId(9_001);

	/** Tomcat's request threads: the background jobs' statements are not a request's. */
	private static final Predicate<String> REQUESTS = thread -> thread.contains("-exec-");

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
	void setUp() throws Exception {
		global.offer(new GlobalView(1, TestRouting.evenly(1, "rz1", "rz2"), Switches.none(),
				Set.of(CurrencyCode.of("CNY"))));
		given(czone.merchant(TEA_HOUSE))
			.willReturn(Optional.of(new MerchantDocument(TEA_HOUSE.toString(), "Tea House", "CNY", "ACTIVE", 1)));
		given(ledger.post(any(), any(), any(), anyList())).willReturn(Settled.POSTED);
		// The first request of a context opens connections and warms caches: not what a
		// payment costs.
		pay(newPayer(), "warm-up");
	}

	@Test
	void aPaymentCommitsAtMostSevenTransactionsInThePaymentDatabase() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);

		StatementLog.clear();
		JsonNode payment = pay(payer, order, "pays");
		Summary cost = StatementLog.of(REQUESTS);

		log.info("A payment: {}", cost);
		assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(cost.commits()).as(cost.toString()).isLessThanOrEqualTo(7);
		assertThat(cost.rollbacks()).as(cost.toString()).isZero();
	}

	@Test
	void aReplayedPaymentIsAnsweredFromItsKey() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);
		JsonNode first = pay(payer, order, "pays");

		StatementLog.clear();
		JsonNode replayed = pay(payer, order, "pays");
		Summary cost = StatementLog.of(REQUESTS);

		log.info("A replayed payment: {}", cost);
		assertThat(replayed).isEqualTo(first);
		assertThat(cost.commits()).as(cost.toString()).isLessThanOrEqualTo(2);
	}

	@Test
	void aRefundCommitsAtMostSixTransactionsInThePaymentDatabase() {
		UserId payer = newPayer();
		JsonNode payment = pay(payer, orderOf(payer), "pays");
		String path = "/api/payments/" + payment.get("paymentId").asString() + "/refunds";

		StatementLog.clear();
		JsonNode refund = client().post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(payer.value(), "POST", path))
			.header("Idempotency-Key", "refunds")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 1000}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		Summary cost = StatementLog.of(REQUESTS);

		log.info("A refund: {}", cost);
		assertThat(refund.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(cost.commits()).as(cost.toString()).isLessThanOrEqualTo(6);
	}

	private JsonNode pay(UserId payer, String key) {
		return pay(payer, orderOf(payer), key);
	}

	private JsonNode pay(UserId payer, OrderId order, String key) {
		String body = json.writeValueAsString(Map.of("orderId", order.toString()));
		return client().post()
			.uri("/api/payments")
			.header("X-ZonePay-Caller", TestCallers.user(payer.value(), "POST", "/api/payments"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** A payer of shard 7, which rz1 serves, with a new order of its own. */
	private static UserId newPayer() {
		return new UserId(USERS.getAndAdd(100));
	}

	private OrderId orderOf(UserId payer) {
		OrderId order = new OrderId(payer.value() + 1_000_000);
		given(orders.order(order)).willReturn(Optional
			.of(new OrderSnapshot(order, payer, TEA_HOUSE, new Money(3_000, CurrencyCode.of("CNY")), "CREATED")));
		return order;
	}

	private RestTestClient client() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
