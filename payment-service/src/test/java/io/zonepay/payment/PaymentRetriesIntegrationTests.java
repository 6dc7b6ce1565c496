package io.zonepay.payment;

import java.util.List;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.ZoneUnreachable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;

/**
 * Payments and refunds retried on the real database: after the ledger did not answer,
 * after a crash that left the key claimed, in a race with another request for the same
 * order, and when the zone lost the shard's lease. The key is claimed in the transaction
 * that records the payment and answered in the one that decides it; each test shows that
 * a retry still finds what the first attempt began, and nothing else.
 */
class PaymentRetriesIntegrationTests extends AgainstStandIns {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRetryAfterTheLedgerCameBackResumesThePaymentItBegan() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);
		willThrow(new ZoneUnreachable("down")).given(ledger).post(any(), any(), any(), anyList());
		JsonNode unavailable = body(pay(payer, order, "pays").expectStatus().isEqualTo(503));

		willReturn(Settled.POSTED).given(ledger).post(any(), any(), any(), anyList());
		JsonNode retried = body(pay(payer, order, "pays").expectStatus().isCreated());

		assertThat(retried.get("paymentId")).isEqualTo(unavailable.get("paymentId"));
		assertThat(retried.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(statusesOf(order)).containsExactly("SUCCEEDED");
	}

	@Test
	void anotherRequestForAnOrderBeingPaidIsRefusedNamingThePaymentAndSoIsItsRetry() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);
		willThrow(new ZoneUnreachable("down")).given(ledger).post(any(), any(), any(), anyList());
		JsonNode pending = body(pay(payer, order, "pays").expectStatus().isEqualTo(503));

		JsonNode refused = body(pay(payer, order, "pays-again").expectStatus().isEqualTo(409));
		JsonNode replayed = body(pay(payer, order, "pays-again").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.valueEquals(ZonePayHeaders.IDEMPOTENT_REPLAYED, "true"));

		assertThat(refused.get("code").asString()).isEqualTo("PAYMENT_IN_PROGRESS");
		assertThat(refused.get("paymentId")).isEqualTo(pending.get("paymentId"));
		assertThat(replayed).isEqualTo(refused);
		assertThat(statusesOf(order)).containsExactly("PENDING");
	}

	@Test
	void aRetryAfterACrashTakesTheKeyOverOnceItsLeaseRanOutAndAnswersThePaymentEvenWithItsOrderPaidSince() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);
		willThrow(new SimulatedCrash()).given(ledger).post(any(), any(), any(), anyList());
		pay(payer, order, "pays").expectStatus().is5xxServerError();
		long paymentId = jdbc.queryForObject("select id from payments where order_id = ?", Long.class, order.value());

		body(pay(payer, order, "pays").expectStatus().isEqualTo(409));
		jdbc.update("update idempotency_keys set locked_until = now() - interval '1 second'"
				+ " where idempotency_key = 'pays' and caller = ?", "user:" + payer.value());
		order(order, payer, "PAID");
		willReturn(Settled.POSTED).given(ledger)
			.post(eq("payment:" + paymentId), eq(PostingKind.PAYMENT), any(), anyList());
		JsonNode retried = body(pay(payer, order, "pays").expectStatus().isCreated());

		assertThat(retried.get("paymentId").asString()).isEqualTo(Long.toString(paymentId));
		assertThat(retried.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(statusesOf(order)).containsExactly("SUCCEEDED");
	}

	@Test
	void aPaymentForAShardWhoseLeaseThisZoneLostLeavesNothingBehindNotEvenItsKey() {
		UserId payer = newPayer();
		OrderId order = orderOf(payer);
		jdbc.update("update shard_leases set owner_zone = 'rz2' where shard = 7");
		try {
			body(pay(payer, order, "pays").expectStatus().isEqualTo(421));
		}
		finally {
			jdbc.update("update shard_leases set owner_zone = 'rz1' where shard = 7");
		}

		assertThat(statusesOf(order)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where caller = ?", Integer.class,
				"user:" + payer.value()))
			.isZero();
		assertThat(body(pay(payer, order, "pays").expectStatus().isCreated()).get("status").asString())
			.isEqualTo("SUCCEEDED");
	}

	@Test
	void aRefundRetriedAfterTheLedgerCameBackResumesTheRefundItBegan() {
		UserId payer = newPayer();
		String paymentId = body(pay(payer, orderOf(payer), "pays").expectStatus().isCreated()).get("paymentId")
			.asString();
		willThrow(new ZoneUnreachable("down")).given(ledger).post(any(), eq(PostingKind.REFUND), any(), anyList());
		JsonNode unavailable = body(refund(payer, paymentId, 1_000, "refunds").expectStatus().isEqualTo(503));

		willReturn(Settled.POSTED).given(ledger).post(any(), eq(PostingKind.REFUND), any(), anyList());
		JsonNode retried = body(refund(payer, paymentId, 1_000, "refunds").expectStatus().isCreated());

		assertThat(retried.get("refundId")).isEqualTo(unavailable.get("refundId"));
		assertThat(retried.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(jdbc.queryForList("select refunded_amount || '/' || refunding_amount from payments where id = ?",
				String.class, Long.parseLong(paymentId)))
			.containsExactly("1000/0");
	}

	private List<String> statusesOf(OrderId order) {
		return jdbc.queryForList("select status from payments where order_id = ?", String.class, order.value());
	}

	private static JsonNode body(RestTestClient.ResponseSpec response) {
		return response.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	/**
	 * An Error, not an exception: nothing in the service catches it to tidy up, just as
	 * nothing would after a kill.
	 */
	static final class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("simulated crash right after the posting", null, false, false);
		}

	}

}
