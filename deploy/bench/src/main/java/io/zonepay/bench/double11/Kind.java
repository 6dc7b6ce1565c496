package io.zonepay.bench.double11;

import java.util.List;

/**
 * The operations of the load's mix, each with the priority class the gateways give it.
 */
enum Kind {

	/** An order, then its payment. */
	CHECKOUT("checkout"),

	/** Money to a user of the same zone. */
	TRANSFER_WITHIN("transfer"),

	/** Money to a user of another zone: the cross-zone saga. */
	TRANSFER_ACROSS("transfer"),

	/** The shopper's balances. */
	READ("read"),

	/** The shopper's ledger, read as load-test traffic. */
	BACKGROUND("background");

	static final List<String> CLASSES = List.of("checkout", "transfer", "read", "background");

	private final String priorityClass;

	Kind(String priorityClass) {
		this.priorityClass = priorityClass;
	}

	String priorityClass() {
		return priorityClass;
	}

	/** The class's index in {@link #CLASSES}. */
	int classIndex() {
		return CLASSES.indexOf(priorityClass);
	}

}
