package io.zonepay.account.ledger;

import io.zonepay.kernel.id.TypedId;

/**
 * A posting's id, and a deposit's: a deposit is the posting that made it. Its last two
 * digits are the posting's shard.
 */
record PostingId(long value) implements TypedId {

	PostingId {
		TypedId.requirePositive(value, "posting");
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
