package io.zonepay.kernel.global;

/** How much risk checking payments get; operators turn it down under extreme load. */
public enum RiskMode {

	/** Every rule and the velocity checks. */
	FULL,

	/** Static rules only (amount limits), no per-user history. */
	RULES_ONLY,

	/** No risk checks: the last resort of a degraded platform. */
	OFF

}
