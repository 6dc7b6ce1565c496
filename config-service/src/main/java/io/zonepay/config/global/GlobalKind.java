package io.zonepay.config.global;

/** The kinds of global entity. */
public enum GlobalKind {

	MERCHANT, CURRENCY, SWITCH, ROUTING, RISK_POLICY, RISK_SIGNAL;

	/** The routing table is one entity: readers always get a whole, consistent table. */
	public static final String ROUTING_TABLE = "table";

	/**
	 * Whether every reader keeps entities of this kind in its view; merchants are looked
	 * up one at a time instead.
	 */
	public boolean inView() {
		return this != MERCHANT;
	}

}
