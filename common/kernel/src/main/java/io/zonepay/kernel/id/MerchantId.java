package io.zonepay.kernel.id;

/**
 * A merchant's id, as the GZone issued it; merchants are global, so it names no shard.
 */
public record MerchantId(long value) implements TypedId {

	public MerchantId {
		TypedId.requirePositive(value, "merchant");
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
