package io.zonepay.payment.refund;

import io.zonepay.kernel.id.TypedId;
import io.zonepay.kernel.zone.Shard;

/**
 * A refund's id; its last two digits are the shard of the payment it refunds, where the
 * refund lives.
 */
record RefundId(long value) implements TypedId {

	RefundId {
		TypedId.requirePositive(value, "refund");
	}

	Shard shard() {
		return Shard.ofId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
