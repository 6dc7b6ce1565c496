package io.zonepay.kernel.routing;

import io.zonepay.kernel.zone.Shard;

/** Where the shard of a request comes from, decided from its method and path alone. */
public sealed interface RequestShard {

	/** The path names a business id, whose last two digits are the shard. */
	record OfId(Shard shard) implements RequestShard {
	}

	/** A collection call on the caller's own data: the shard of the caller's user id. */
	record OfCaller() implements RequestShard {
	}

	/**
	 * A new user: the shard is the one the client asked for, or one the gateway picks.
	 */
	record ChosenForNewUser() implements RequestShard {
	}

	/** The path is not tied to a shard (global data, administration). */
	record Unsharded() implements RequestShard {
	}

	/** The path names an id that cannot be one: not digits, zero, or out of range. */
	record MalformedId(String segment) implements RequestShard {
	}

}
