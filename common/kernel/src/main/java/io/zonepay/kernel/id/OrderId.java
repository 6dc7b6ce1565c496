package io.zonepay.kernel.id;

import io.zonepay.kernel.zone.Shard;

/** An order's id; its last two digits are its buyer's shard, where the order lives. */
public record OrderId(long value) implements TypedId {

	public OrderId {
		TypedId.requirePositive(value, "order");
	}

	public Shard shard() {
		return Shard.ofId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
