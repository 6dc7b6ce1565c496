package io.zonepay.payment.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named values a decision is made on, in a fixed order: the request's own
 * ({@value #AMOUNT}, {@value #TRANSFER}), which need no history, the user's features from
 * the zone, and the model's {@value #SCORE} once scored.
 */
public record RiskFeatures(Map<String, Double> values) {

	public static final String AMOUNT = "amount";

	public static final String TRANSFER = "transfer";

	public static final String PAYER_RISK = "payer_risk";

	public static final String COUNTERPARTY_RISK = "counterparty_risk";

	public static final String SIGNALS_AGE_S = "signals_age_s";

	public static final String PAYMENTS_1M = "payments_1m";

	public static final String PAYMENTS_1H = "payments_1h";

	public static final String PAYMENTS_24H = "payments_24h";

	public static final String AMOUNT_1H = "amount_1h";

	public static final String TRANSFERS_1H = "transfers_1h";

	public static final String FAILURES_1H = "failures_1h";

	public static final String NEW_COUNTERPARTY = "new_counterparty";

	public static final String AMOUNT_ZSCORE = "amount_zscore";

	public static final String SCORE = "score";

	/** Every feature, in order: the ones a policy's rules may name. */
	static final List<String> NAMES = List.of(AMOUNT, TRANSFER, PAYER_RISK, COUNTERPARTY_RISK, SIGNALS_AGE_S,
			PAYMENTS_1M, PAYMENTS_1H, PAYMENTS_24H, AMOUNT_1H, TRANSFERS_1H, FAILURES_1H, NEW_COUNTERPARTY,
			AMOUNT_ZSCORE, SCORE);

	public RiskFeatures {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	static Builder builder() {
		return new Builder();
	}

	/** The request's own features, for a decision made without the user's history. */
	static RiskFeatures ofRequest(RiskRequest request) {
		return builder().put(AMOUNT, request.amount().amount())
			.put(TRANSFER, request.kind() == RiskRequest.Kind.TRANSFER ? 1 : 0)
			.build();
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	double get(String name) {
		Double value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("no feature " + name + " in " + values.keySet());
		}
		return value;
	}

	/** These features and the others, in that order (theirs win a clash). */
	RiskFeatures and(RiskFeatures others) {
		Map<String, Double> more = new LinkedHashMap<>(values);
		more.putAll(others.values);
		return new RiskFeatures(more);
	}

	RiskFeatures with(String name, double value) {
		Map<String, Double> more = new LinkedHashMap<>(values);
		more.put(name, value);
		return new RiskFeatures(more);
	}

	static final class Builder {

		private final Map<String, Double> values = new LinkedHashMap<>();

		Builder put(String name, double value) {
			values.put(name, value);
			return this;
		}

		RiskFeatures build() {
			return new RiskFeatures(values);
		}

	}

}
