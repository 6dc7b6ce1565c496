package io.zonepay.payment.risk;

import java.time.Instant;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;

/**
 * What is judged: a payment or a transfer about to be recorded.
 *
 * @param subject the payment's or the transfer's id: the decision is found by it
 * @param counterparty the merchant paid, or the payee of a transfer
 */
public record RiskRequest(Kind kind, long subject, UserId user, Money amount, long counterparty, Instant at) {

	public enum Kind {

		PAYMENT, TRANSFER

	}

	public static RiskRequest payment(long paymentId, UserId payer, Money amount, long merchant, Instant at) {
		return new RiskRequest(Kind.PAYMENT, paymentId, payer, amount, merchant, at);
	}

	public static RiskRequest transfer(long transferId, UserId payer, Money amount, UserId payee, Instant at) {
		return new RiskRequest(Kind.TRANSFER, transferId, payer, amount, payee.value(), at);
	}

}
