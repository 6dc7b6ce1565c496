package io.zonepay.kernel.id;

import io.zonepay.kernel.zone.Shard;

/** A payment's id; its last two digits are its payer's shard, where the payment lives. */
public record PaymentId(long value) implements TypedId {

	public PaymentId {
		TypedId.requirePositive(value, "payment");
	}

	public Shard shard() {
		return Shard.ofId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
