package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A user pays a merchant in the user's own RZone: money moves once, exactly, and the
 * order follows through Kafka.
 */
class PaymentFlowIntegrationTests {

	/**
	 * The API's promise: an order is PAID within a second of its payment's SUCCEEDED
	 * answer.
	 */
	private static final Duration ORDER_FOLLOWS = Duration.ofSeconds(1);

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static String merchant;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		merchant = Merchants.open(http, zonepay, "Tea House", "CNY", "ACTIVE");
	}

	@AfterAll
	static void noMoneyWasCreatedOrDestroyed() {
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	/**
	 * A shard in each RZone, each reached through the other city's gateway for one of
	 * them.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 12, 45, 88 })
	void aPaymentMovesTheMoneyOnceAndTheOrderBecomesPaid(int shard) {
		Customer alice = Customer.signUp(http, zonepay.gateway(shard == 88 ? "hz" : "sh"), shard);
		String zone = zonepay.zoneOf(shard);
		long merchantBefore = new ZoneLedgers(zonepay).merchantBalance(zone, merchant, "CNY");
		alice.deposit(10_000, "CNY");
		String order = alice.order(merchant, 2_599, "CNY");

		Http.Response payment = alice.pay(order, "pay-" + order);

		assertThat(payment.status()).as(payment.body()).isEqualTo(201);
		assertThat(payment.header("X-ZonePay-Zone")).isEqualTo(zone);
		JsonNode paid = payment.json();
		assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(paid.get("orderId").asString()).isEqualTo(order);
		assertThat(paid.get("amount").asLong()).isEqualTo(2_599);
		assertThat(paid.get("currency").asString()).isEqualTo("CNY");
		assertThat(Long.parseLong(paid.get("paymentId").asString()) % 100).isEqualTo(shard);
		await().atMost(ORDER_FOLLOWS)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> alice.orderStatus(order).equals("PAID"));
		assertThat(alice.get("/api/orders/" + order).json().get("paymentId").asString())
			.isEqualTo(paid.get("paymentId").asString());
		assertThat(alice.get("/api/payments/" + paid.get("paymentId").asString()).json().get("status").asString())
			.isEqualTo("SUCCEEDED");

		assertThat(alice.balance("CNY")).isEqualTo(7_401);
		JsonNode ledger = alice.ledger();
		assertThat(ledger).hasSize(2);
		assertThat(ledger.get(0).get("kind").asString()).isEqualTo("PAYMENT");
		assertThat(ledger.get(0).get("amount").asLong()).isEqualTo(-2_599);
		assertThat(ledger.get(0).get("balanceAfter").asLong()).isEqualTo(7_401);
		assertThat(ledger.get(0).get("reference").asString()).isEqualTo("payment:" + paid.get("paymentId").asString());
		assertThat(ledger.get(1).get("kind").asString()).isEqualTo("DEPOSIT");
		assertThat(ledger.get(1).get("balanceAfter").asLong()).isEqualTo(10_000);
		assertThat(new ZoneLedgers(zonepay).merchantBalance(zone, merchant, "CNY")).isEqualTo(merchantBefore + 2_599);
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	@Test
	void aPaymentWithoutEnoughMoneyFailsMovesNothingAndLeavesTheOrderPayable() {
		Customer bob = Customer.signUp(http, hz, 23);
		bob.deposit(1_000, "CNY");
		String order = bob.order(merchant, 2_599, "CNY");

		Http.Response failed = bob.pay(order, "pay-" + order);

		assertThat(failed.status()).as(failed.body()).isEqualTo(201);
		assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.json().get("failureCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(bob.balance("CNY")).isEqualTo(1_000);
		assertThat(bob.ledger()).hasSize(1);
		assertThat(bob.orderStatus(order)).isEqualTo("CREATED");

		bob.deposit(2_000, "CNY");
		Http.Response retried = bob.pay(order, "pay-again-" + order);
		assertThat(retried.json().get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(bob.balance("CNY")).isEqualTo(401);
	}

	@Test
	void aReplayedPaymentAnswersTheSameAndMovesNothing() {
		Customer carol = Customer.signUp(http, hz, 51);
		carol.deposit(5_000, "CNY");
		String order = carol.order(merchant, 1_000, "CNY");
		Http.Response first = carol.pay(order, "carol-pays");

		Http.Response replay = carol.pay(order, "carol-pays");
		Http.Response reused = carol.post("/api/payments", "carol-pays",
				"{\"orderId\": \"" + carol.order(merchant, 1_000, "CNY") + "\"}");
		Http.Response second = carol.pay(order, "carol-pays-twice");

		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("code").asString()).isEqualTo("ORDER_ALREADY_PAID");
		assertThat(carol.balance("CNY")).isEqualTo(4_000);
	}

	@Test
	void anOrderAndAPaymentNameWhereTheyAreOnTheFirstAnswerAndOnTheReplay() {
		Customer dora = Customer.signUp(http, hz, 52);
		dora.deposit(5_000, "CNY");
		String body = "{\"merchantId\": \"" + merchant
				+ "\", \"amount\": 700, \"currency\": \"CNY\", \"description\": \"e2e\"}";
		Http.Response order = dora.placeOrder("dora-orders", body);
		Http.Response orderAgain = dora.placeOrder("dora-orders", body);
		String orderId = order.json().get("orderId").asString();
		Http.Response paid = dora.pay(orderId, "dora-pays");
		Http.Response paidAgain = dora.pay(orderId, "dora-pays");

		assertThat(order.header("Location")).isEqualTo("/api/orders/" + orderId)
			.isEqualTo(orderAgain.header("Location"));
		assertThat(orderAgain.header("Idempotent-Replayed")).isEqualTo("true");
		String paymentId = paid.json().get("paymentId").asString();
		assertThat(paid.header("Location")).isEqualTo("/api/payments/" + paymentId)
			.isEqualTo(paidAgain.header("Location"));
		assertThat(paidAgain.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(dora.get(paid.header("Location")).json().get("paymentId").asString()).isEqualTo(paymentId);
		// The order follows its payment through an event, within the promised second.
		await().atMost(ORDER_FOLLOWS)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> dora.get(order.header("Location")).json().get("status").asString().equals("PAID"));
		assertThat(dora.balance("CNY")).isEqualTo(4_300);
	}

	static Stream<Arguments> badOrders() {
		return Stream.of(Arguments.of("not JSON", "{\"merchantId\": ", 400, "MALFORMED_REQUEST"),
				Arguments.of("a wrong type", "{\"merchantId\": \"%s\", \"amount\": \"lots\", \"currency\": \"CNY\"}",
						400, "VALIDATION_FAILED"),
				Arguments.of("no amount", "{\"merchantId\": \"%s\", \"currency\": \"CNY\"}", 400, "VALIDATION_FAILED"),
				Arguments.of("a zero amount", "{\"merchantId\": \"%s\", \"amount\": 0, \"currency\": \"CNY\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("a negative amount", "{\"merchantId\": \"%s\", \"amount\": -5, \"currency\": \"CNY\"}",
						400, "VALIDATION_FAILED"),
				Arguments.of("an amount above the limit",
						"{\"merchantId\": \"%s\", \"amount\": 5000001, \"currency\": \"CNY\"}", 400,
						"AMOUNT_OUT_OF_RANGE"),
				Arguments.of("an amount beyond 64 bits",
						"{\"merchantId\": \"%s\", \"amount\": 99999999999999999999, \"currency\": \"CNY\"}", 400,
						"VALIDATION_FAILED"),
				Arguments.of("an unknown currency", "{\"merchantId\": \"%s\", \"amount\": 100, \"currency\": \"CHF\"}",
						400, "UNKNOWN_CURRENCY"),
				Arguments.of("another currency than the merchant's",
						"{\"merchantId\": \"%s\", \"amount\": 100, \"currency\": \"USD\"}", 422, "CURRENCY_MISMATCH"),
				Arguments.of("an unknown merchant",
						"{\"merchantId\": \"4242424242\", \"amount\": 100, \"currency\": \"CNY\"}", 422,
						"MERCHANT_NOT_FOUND"));
	}

	@ParameterizedTest(name = "an order with {0}")
	@MethodSource("badOrders")
	void aBadOrderGetsItsProblemCodeAndWritesNothing(String what, String body, int status, String code) {
		Customer dave = Customer.signUp(http, hz, 70);

		Http.Response refused = dave.placeOrder(Customer.freshKey(), body.formatted(merchant));

		assertThat(refused.status()).as(refused.body()).isEqualTo(status);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo(code);
		assertThat(refused.json().get("detail").asString()).isNotBlank();
		assertThat(dave.get("/api/orders").json().get("orders")).isEmpty();
	}

	@Test
	void badPaymentsGetTheirProblemCodes() {
		Customer erin = Customer.signUp(http, hz, 3);
		erin.deposit(3_000, "CNY");
		String order = erin.order(merchant, 1_000, "CNY");
		Customer frank = Customer.signUp(http, hz, 3);

		assertProblem(erin.post("/api/payments", null, "{\"orderId\": \"" + order + "\"}"), 400,
				"IDEMPOTENCY_KEY_MISSING");
		assertProblem(erin.pay("12345603", Customer.freshKey()), 404, "ORDER_NOT_FOUND");
		assertProblem(erin.post("/api/payments", Customer.freshKey(), "{\"orderId\": 12}"), 400, "VALIDATION_FAILED");
		assertProblem(erin.post("/api/payments", Customer.freshKey(), "{}"), 400, "VALIDATION_FAILED");
		assertProblem(frank.pay(order, Customer.freshKey()), 404, "ORDER_NOT_FOUND");
		assertThat(erin.balance("CNY")).isEqualTo(3_000);

		assertThat(erin.pay(order, Customer.freshKey()).json().get("status").asString()).isEqualTo("SUCCEEDED");
		assertProblem(erin.pay(order, Customer.freshKey()), 409, "ORDER_ALREADY_PAID");
		assertThat(erin.balance("CNY")).isEqualTo(2_000);
	}

	@Test
	void fiftyConcurrentRequestsWithOneKeyDebitOnce() throws Exception {
		Customer grace = Customer.signUp(http, hz, 60);
		grace.deposit(10_000, "CNY");
		String order = grace.order(merchant, 3_000, "CNY");

		List<Http.Response> answers = concurrently(IntStream.range(0, 50)
			.mapToObj(i -> (Callable<Http.Response>) () -> grace.pay(order, "once"))
			.toList());

		List<Http.Response> created = answers.stream().filter(answer -> answer.status() == 201).toList();
		List<Http.Response> inFlight = answers.stream().filter(answer -> answer.status() == 409).toList();
		// A burst past the zone's limit at the gateway is shed before it reaches the
		// zone.
		List<Http.Response> shed = answers.stream().filter(answer -> answer.status() == 503).toList();
		assertThat(created.size() + inFlight.size() + shed.size()).isEqualTo(50);
		assertThat(shed).allSatisfy(answer -> assertThat(answer.json().get("code").asString()).isEqualTo("OVERLOADED"));
		assertThat(created).isNotEmpty().allSatisfy(answer -> {
			assertThat(answer.json().get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(answer.json().get("paymentId").asString())
				.isEqualTo(created.getFirst().json().get("paymentId").asString());
		});
		assertThat(inFlight).allSatisfy(
				answer -> assertThat(answer.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
		assertThat(grace.balance("CNY")).isEqualTo(7_000);
		assertThat(grace.ledger()).filteredOn(entry -> entry.get("kind").asString().equals("PAYMENT")).hasSize(1);
	}

	@Test
	void twentyConcurrentPaymentsWithFundsForEightPayEightUnlessGivenUp() throws Exception {
		Customer heidi = Customer.signUp(http, hz, 95);
		// Twenty: the most one user may make within a minute before risk control
		// refuses a burst.
		heidi.deposit(8 * 500, "CNY");
		List<String> orders = IntStream.range(0, 20).mapToObj(i -> heidi.order(merchant, 500, "CNY")).toList();

		// As API.md asks of clients: a 503 (the zone stalled, e.g. this JVM paused) is
		// retried with the same key, so
		// the payment it left PENDING is settled, once; how fast the zone answers is the
		// benchmarks' business.
		PatientClient client = new PatientClient(Duration.ofSeconds(20));
		List<Http.Response> answers = concurrently(orders.stream()
			.map(order -> (Callable<Http.Response>) () -> client.call("pay " + order,
					() -> heidi.pay(order, "pay-" + order)))
			.toList());

		assertThat(answers).allSatisfy(
				answer -> assertThat(answer.status()).as(answer.body() + " after " + client.failures()).isEqualTo(201));
		Map<String, List<Http.Response>> outcomes = answers.stream()
			.collect(Collectors.groupingBy(PaymentFlowIntegrationTests::outcome));
		assertThat(outcomes.keySet()).isSubsetOf("SUCCEEDED", "INSUFFICIENT_FUNDS", "NOT_COMPLETED");
		// A payment a stall left PENDING may be given up by the reconciler (after 5 s
		// here) before its client's retry
		// comes: NOT_COMPLETED, with no money moved. Only a payment whose client had to
		// retry can end so.
		Set<String> retried = client.failures().stream().map(PatientClient.Failure::what).collect(Collectors.toSet());
		List<Http.Response> givenUp = outcomes.getOrDefault("NOT_COMPLETED", List.of());
		assertThat(givenUp)
			.allSatisfy(answer -> assertThat(retried).contains("pay " + answer.json().get("orderId").asString()));
		// A refusal for want of funds means eight were paid (a posting is never undone);
		// without one, all the others.
		int paid = outcomes.getOrDefault("SUCCEEDED", List.of()).size();
		assertThat(paid).isEqualTo(outcomes.containsKey("INSUFFICIENT_FUNDS") ? 8 : 20 - givenUp.size());
		assertThat(heidi.balance("CNY")).isEqualTo((8 - paid) * 500L);
		assertThat(heidi.ledger()).filteredOn(entry -> entry.get("kind").asString().equals("PAYMENT")).hasSize(paid);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(heidi.get("/api/orders?limit=100").json().get("orders"))
				.filteredOn(order -> order.get("status").asString().equals("PAID"))
				.hasSize(paid));
	}

	/** SUCCEEDED, or the failure code of a FAILED payment. */
	private static String outcome(Http.Response answer) {
		JsonNode payment = answer.json();
		return payment.get("status").asString().equals("FAILED") ? payment.get("failureCode").asString()
				: payment.get("status").asString();
	}

	@Test
	void refundsReturnMoneyUpToWhatWasPaidAndTheOrderFollows() {
		Customer ivan = Customer.signUp(http, zonepay.gateway("sh"), 77);
		ivan.deposit(5_000, "CNY");
		String order = ivan.order(merchant, 3_000, "CNY");
		String payment = ivan.pay(order, Customer.freshKey()).json().get("paymentId").asString();
		long merchantPaid = new ZoneLedgers(zonepay).merchantBalance("rz3", merchant, "CNY");

		Http.Response partial = ivan.refund(payment, 1_000, "refund-1");
		assertThat(partial.status()).as(partial.body()).isEqualTo(201);
		assertThat(partial.json().get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(partial.json().get("amount").asLong()).isEqualTo(1_000);
		assertThat(partial.json().get("paymentId").asString()).isEqualTo(payment);
		await().atMost(ORDER_FOLLOWS)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> ivan.orderStatus(order).equals("PARTIALLY_REFUNDED"));
		assertThat(ivan.balance("CNY")).isEqualTo(3_000);

		assertProblem(ivan.refund(payment, 2_001, "refund-too-much"), 422, "REFUND_EXCEEDS_PAYMENT");
		Http.Response replayed = ivan.refund(payment, 1_000, "refund-1");
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
		String refundId = partial.json().get("refundId").asString();
		assertThat(partial.header("Location")).isEqualTo("/api/payments/" + payment + "/refunds/" + refundId)
			.isEqualTo(replayed.header("Location"));
		Http.Response shown = ivan.get(partial.header("Location"));
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.json().get("amount").asLong()).isEqualTo(1_000);
		assertThat(shown.json().get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(ivan.balance("CNY")).isEqualTo(3_000);

		Http.Response rest = ivan.refund(payment, 2_000, "refund-2");
		assertThat(rest.status()).as(rest.body()).isEqualTo(201);
		await().atMost(ORDER_FOLLOWS)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> ivan.orderStatus(order).equals("REFUNDED"));
		assertThat(ivan.balance("CNY")).isEqualTo(5_000);
		assertProblem(ivan.refund(payment, 1, "refund-3"), 422, "REFUND_EXCEEDS_PAYMENT");
		assertThat(new ZoneLedgers(zonepay).merchantBalance("rz3", merchant, "CNY")).isEqualTo(merchantPaid - 3_000);
		JsonNode ledger = ivan.ledger();
		assertThat(ledger).extracting(entry -> entry.get("kind").asString())
			.containsExactly("REFUND", "REFUND", "PAYMENT", "DEPOSIT");
		assertThat(ledger).extracting(entry -> entry.get("amount").asLong())
			.containsExactly(2_000L, 1_000L, -3_000L, 5_000L);
	}

	@Test
	void aRefundOfSomeoneElsesPaymentLooksLikeNoPaymentAtAll() {
		Customer judy = Customer.signUp(http, hz, 8);
		judy.deposit(1_000, "CNY");
		String payment = judy.pay(judy.order(merchant, 1_000, "CNY"), Customer.freshKey())
			.json()
			.get("paymentId")
			.asString();
		Customer mallory = Customer.signUp(http, hz, 8);

		assertProblem(mallory.refund(payment, 1_000, Customer.freshKey()), 404, "PAYMENT_NOT_FOUND");
		assertThat(mallory.get("/api/payments/" + payment).status()).isEqualTo(404);
		assertThat(judy.balance("CNY")).isZero();
		String refund = judy.refund(payment, 400, Customer.freshKey()).header("Location");
		assertThat(judy.get(refund).status()).isEqualTo(200);
		assertProblem(mallory.get(refund), 404, "REFUND_NOT_FOUND");
	}

	private static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

	private static List<Http.Response> concurrently(List<Callable<Http.Response>> calls) throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(calls.size())) {
			List<Future<Http.Response>> futures = threads.invokeAll(calls);
			List<Http.Response> answers = new ArrayList<>();
			for (Future<Http.Response> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

}
