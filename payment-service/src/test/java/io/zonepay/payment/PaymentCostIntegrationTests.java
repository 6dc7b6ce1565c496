package io.zonepay.payment;

import java.util.function.Predicate;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.testkit.StatementLog;
import io.zonepay.testkit.StatementLog.Summary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a payment and a refund cost the payment database, counted at the JDBC driver on
 * the request's own thread: the statements it runs and the transactions it commits.
 * order-service, the ledger and the CZone are stand-ins; what they cost their own
 * databases is theirs (deploy/bench/sql/payment.sql replays all of it).
 */
class PaymentCostIntegrationTests extends AgainstStandIns {

	private static final Logger log = LoggerFactory.getLogger(PaymentCostIntegrationTests.class);

	/** Tomcat's request threads: the background jobs' statements are not a request's. */
	private static final Predicate<String> REQUESTS = thread -> thread.contains("-exec-");

	@BeforeEach
	void warmUp() {
		// The first request of a context opens connections and warms caches: not what a
		// payment costs.
		UserId payer = newPayer();
		pay(payer, orderOf(payer), "warm-up").expectStatus().isCreated();
	}

	@Test
	void aPaymentCommitsTwoTransactionsInThePaymentDatabase() {
		UserId payer = newPayer();
		// A user's first payment makes the user's risk features: one statement more,
		// once.
		paid(payer, orderOf(payer), "first");
		OrderId order = new OrderId(payer.value() + 2_000_000);
		order(order, payer, "CREATED");

		StatementLog.clear();
		JsonNode payment = paid(payer, order, "pays");
		Summary cost = StatementLog.of(REQUESTS);

		log.info("A payment: {}", cost);
		assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(cost.commits()).as(cost.toString()).isEqualTo(2);
		// Six of its own, and risk control's two: the payer's features locked and read
		// (writing nothing), then written back with the decision (one statement each);
		// and
		// the decision's event in the outbox.
		assertThat(cost.statements()).as(cost.toString()).isLessThanOrEqualTo(8);
		assertThat(cost.rollbacks()).as(cost.toString()).isZero();
	}

	@Test
	void aReplayedPaymentIsAnsweredFromItsKeyWithoutACommit() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);
		JsonNode first = paid(payer, order, "pays");

		StatementLog.clear();
		JsonNode replayed = paid(payer, order, "pays");
		Summary cost = StatementLog.of(REQUESTS);

		log.info("A replayed payment: {}", cost);
		assertThat(replayed).isEqualTo(first);
		assertThat(cost.commits()).as(cost.toString()).isZero();
		assertThat(cost.statements()).as(cost.toString()).isLessThanOrEqualTo(2);
	}

	@Test
	void aRefundCommitsTwoTransactionsInThePaymentDatabase() {
		UserId payer = newPayer();
		JsonNode payment = paid(payer, orderOf(payer), "pays");

		StatementLog.clear();
		JsonNode refund = refund(payer, payment.get("paymentId").asString(), 1_000, "refunds").expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		Summary cost = StatementLog.of(REQUESTS);

		log.info("A refund: {}", cost);
		assertThat(refund.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(cost.commits()).as(cost.toString()).isEqualTo(2);
		assertThat(cost.statements()).as(cost.toString()).isLessThanOrEqualTo(10);
	}

	private JsonNode paid(UserId payer, OrderId order, String key) {
		return pay(payer, order, key).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
