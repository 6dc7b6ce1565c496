package io.zonepay.payment.transfer;

import java.util.Map;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;

/**
 * What makes a transfer request one that can be tried at all; refused requests record
 * nothing and move nothing.
 */
final class TransferRules {

	private TransferRules() {
	}

	/**
	 * @throws ProblemException {@code TRANSFER_TO_SELF} for money sent to its own owner,
	 * {@code VALIDATION_FAILED} for an amount that is not positive,
	 * {@code AMOUNT_OUT_OF_RANGE} above the payment limit of its currency
	 */
	static void check(UserId payer, UserId payee, Money amount, Switches switches) {
		if (payer.equals(payee)) {
			throw new ProblemException(PaymentProblem.TRANSFER_TO_SELF,
					"user " + payer + " cannot send money to itself");
		}
		if (!amount.isPositive()) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"a transfer moves a positive amount, not " + amount.amount());
		}
		long limit = switches.maxPaymentAmount(amount.currency());
		if (amount.amount() > limit) {
			throw new ProblemException(PaymentProblem.AMOUNT_OUT_OF_RANGE,
					"the payment limit for " + amount.currency() + " is " + limit, Map.of("limit", limit));
		}
	}

}
