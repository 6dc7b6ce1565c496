package io.zonepay.kernel.id;

import io.zonepay.kernel.zone.Shard;

/** A user's id; its last two digits are the user's shard. */
public record UserId(long value) implements TypedId {

	public UserId {
		TypedId.requirePositive(value, "user");
	}

	public Shard shard() {
		return Shard.ofId(value);
	}

	/** Ids travel as strings because JavaScript loses precision above 2^53. */
	@Override
	public String toString() {
		return Long.toString(value);
	}
}
