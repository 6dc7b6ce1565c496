package io.zonepay.payment.risk;

/** Scores features: the model, or a stand-in in tests. */
interface RiskScorer {

	/** The probability the model gives that the request is fraud, 0 to 1. */
	double score(RiskFeatures features);

	String version();

}
