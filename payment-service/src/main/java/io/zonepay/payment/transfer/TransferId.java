package io.zonepay.payment.transfer;

import io.zonepay.kernel.id.TypedId;
import io.zonepay.kernel.zone.Shard;

/**
 * A transfer's id; its last two digits are its payer's shard, where the transfer lives.
 */
record TransferId(long value) implements TypedId {

	TransferId {
		TypedId.requirePositive(value, "transfer");
	}

	Shard shard() {
		return Shard.ofId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
