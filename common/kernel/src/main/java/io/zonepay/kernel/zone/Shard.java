package io.zonepay.kernel.zone;

/**
 * One of the hundred slices users are split into: the last two decimal digits of a user
 * id.
 *
 * @param value 0..99
 */
public record Shard(int value) implements Comparable<Shard> {

	/**
	 * How many shards there are; ids carry the shard in their last two decimal digits.
	 */
	public static final int COUNT = 100;

	private static final Shard[] ALL = new Shard[COUNT];

	static {
		for (int i = 0; i < COUNT; i++) {
			ALL[i] = new Shard(i);
		}
	}

	public Shard {
		if (value < 0 || value >= COUNT) {
			throw new IllegalArgumentException("a shard is 0..99, not " + value);
		}
	}

	public static Shard of(int value) {
		if (value < 0 || value >= COUNT) {
			throw new IllegalArgumentException("a shard is 0..99, not " + value);
		}
		return ALL[value];
	}

	/** The shard that owns a business id: its last two decimal digits. */
	public static Shard ofId(long id) {
		if (id <= 0) {
			throw new IllegalArgumentException("business ids are positive, not " + id);
		}
		return ALL[(int) (id % COUNT)];
	}

	@Override
	public int compareTo(Shard other) {
		return Integer.compare(value, other.value);
	}

	/** Two digits, as shard keys appear in the routing table: {@code "07"}. */
	@Override
	public String toString() {
		return value < 10 ? "0" + value : Integer.toString(value);
	}
}
