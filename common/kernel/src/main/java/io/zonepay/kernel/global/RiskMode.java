package io.zonepay.kernel.global;

/** How much risk checking payments get; operators turn it down under extreme load. */
public enum RiskMode {

	/**
	 * Every rule, the user's history and the model; a request whose history is not to be
	 * had in time (the user's other requests hold it past the bound) is judged by the
	 * rules on the request alone: fails open, to the rules.
	 */
	FULL,

	/**
	 * As {@code FULL}, but a request whose history is not to be had in time is refused:
	 * fails closed.
	 */
	STRICT,

	/** The rules on the request only (amounts, shared signals), no per-user history. */
	RULES_ONLY,

	/** No risk checks: the last resort of a degraded platform. */
	OFF

}
