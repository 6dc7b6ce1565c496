package io.zonepay.config.global;

/** The kinds of global entity. */
public enum GlobalKind {

	MERCHANT, CURRENCY, SWITCH, ROUTING
}
