package io.zonepay.account.ledger;

import io.zonepay.kernel.id.TypedId;

/**
 * A ledger entry's id: one leg of a posting as booked on its account, numbered by the
 * database in booking order.
 */
record EntryId(long value) implements TypedId {

	EntryId {
		TypedId.requirePositive(value, "entry");
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
