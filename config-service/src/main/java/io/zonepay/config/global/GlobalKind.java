package io.zonepay.config.global;

/** The kinds of global entity. */
public enum GlobalKind {

	MERCHANT, CURRENCY, SWITCH, ROUTING;

	/** The routing table is one entity: readers always get a whole, consistent table. */
	public static final String ROUTING_TABLE = "table";
}
