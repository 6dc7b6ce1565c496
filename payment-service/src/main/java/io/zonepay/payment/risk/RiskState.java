package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the zone keeps of one user for risk control, kept up to date as the user's
 * payments and transfers are decided, in their own transactions: a burst is counted
 * exactly, with no stream lag for it to slip through. Stored with the user's shard (table
 * {@code risk_features}), so it moves with the shard on a failover or a split.
 *
 * @param payments payment attempts (refused ones too) over the last minute, 5 s buckets
 * @param paymentsHour over the last hour, 5 min buckets
 * @param paymentsDay over the last day, 1 h buckets
 * @param amountHour the amounts of those attempts over the last hour (minor units)
 * @param transfersHour transfer attempts over the last hour
 * @param failuresHour attempts that were refused or failed, over the last hour
 * @param paid how many payments and transfers went through: the amount statistics' count
 * @param meanAmount their mean amount (Welford's running mean)
 * @param squares the sum of squared differences from the mean (Welford's M2)
 * @param counterparties the merchants and payees the user paid lately, newest first
 */
record RiskState(RiskWindow payments, RiskWindow paymentsHour, RiskWindow paymentsDay, RiskWindow amountHour,
		RiskWindow transfersHour, RiskWindow failuresHour, long paid, double meanAmount, double squares,
		List<Long> counterparties) {

	/** How many counterparties are remembered, at most. */
	static final int COUNTERPARTIES = 32;

	RiskState {
		counterparties = List.copyOf(counterparties);
	}

	static RiskState empty() {
		return new RiskState(RiskWindow.of(12, 5), RiskWindow.of(12, 300), RiskWindow.of(24, 3_600),
				RiskWindow.of(12, 300), RiskWindow.of(12, 300), RiskWindow.of(12, 300), 0, 0, 0, List.of());
	}

	/** The features of a request against this state, before the request is counted. */
	RiskFeatures features(RiskRequest request) {
		Instant now = request.at();
		double amount = request.amount().amount();
		double deviation = paid < 5 ? 0 : Math.sqrt(squares / (paid - 1));
		double zscore = deviation == 0 ? 0 : (amount - meanAmount) / deviation;
		return RiskFeatures.builder()
			.put(RiskFeatures.AMOUNT, amount)
			.put(RiskFeatures.TRANSFER, request.kind() == RiskRequest.Kind.TRANSFER ? 1 : 0)
			.put(RiskFeatures.PAYMENTS_1M, payments.sum(now))
			.put(RiskFeatures.PAYMENTS_1H, paymentsHour.sum(now))
			.put(RiskFeatures.PAYMENTS_24H, paymentsDay.sum(now))
			.put(RiskFeatures.AMOUNT_1H, amountHour.sum(now))
			.put(RiskFeatures.TRANSFERS_1H, transfersHour.sum(now))
			.put(RiskFeatures.FAILURES_1H, failuresHour.sum(now))
			.put(RiskFeatures.NEW_COUNTERPARTY, counterparties.contains(request.counterparty()) ? 0 : 1)
			.put(RiskFeatures.AMOUNT_ZSCORE, Math.round(zscore * 100) / 100.0)
			.build();
	}

	/**
	 * This state with a request counted as it was decided: every attempt counts towards
	 * velocity, a refused one towards failures too, and only one let through towards the
	 * amount statistics and the known counterparties.
	 */
	RiskState counted(RiskRequest request, boolean allowed) {
		Instant now = request.at();
		long amount = request.amount().amount();
		boolean payment = request.kind() == RiskRequest.Kind.PAYMENT;
		RiskState counted = new RiskState(payment ? payments.add(now, 1) : payments,
				payment ? paymentsHour.add(now, 1) : paymentsHour, payment ? paymentsDay.add(now, 1) : paymentsDay,
				amountHour.add(now, amount), payment ? transfersHour : transfersHour.add(now, 1),
				allowed ? failuresHour : failuresHour.add(now, 1), paid, meanAmount, squares, counterparties);
		return allowed ? counted.withPaid(amount, request.counterparty()) : counted;
	}

	/** This state with a failure counted that came after the decision (the ledger's). */
	RiskState failed(Instant at) {
		return new RiskState(payments, paymentsHour, paymentsDay, amountHour, transfersHour, failuresHour.add(at, 1),
				paid, meanAmount, squares, counterparties);
	}

	private RiskState withPaid(long amount, long counterparty) {
		long count = paid + 1;
		double delta = amount - meanAmount;
		double mean = meanAmount + delta / count;
		List<Long> recent = new ArrayList<>(COUNTERPARTIES);
		recent.add(counterparty);
		counterparties.stream().filter(known -> known != counterparty).limit(COUNTERPARTIES - 1).forEach(recent::add);
		return new RiskState(payments, paymentsHour, paymentsDay, amountHour, transfersHour, failuresHour, count, mean,
				squares + delta * (amount - mean), recent);
	}

}
