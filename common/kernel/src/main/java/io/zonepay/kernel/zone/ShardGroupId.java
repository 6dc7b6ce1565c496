package io.zonepay.kernel.zone;

import java.util.regex.Pattern;

/**
 * The name of a shard group: the database that holds a fixed set of shards' data, such as
 * {@code sg1}.
 */
public record ShardGroupId(String value) {

	/**
	 * The owner a live split writes into the lease rows of the shards it moves, in the
	 * databases they leave and the ones they join: no zone writes them there, and none
	 * takes such a lease, until the split releases it at the cut-over.
	 */
	public static final String SPLIT_LEASE_OWNER = "split";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	public ShardGroupId {
		if (!NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"a shard group id is a lower-case name of letters, digits and '_', not '" + value + "'");
		}
	}

	public static ShardGroupId of(String value) {
		return new ShardGroupId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
