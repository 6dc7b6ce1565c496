package io.zonepay.kernel.zone;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A set of shards written the way people write them in topology files: {@code "0-24"} or
 * {@code "0-9,50-54"}.
 */
public record ShardSet(List<Shard> shards) {

	public ShardSet {
		shards = List.copyOf(shards);
	}

	/** Reads {@code "0-24"} or {@code "0-9,50-54"}. */
	public static ShardSet of(String text) {
		BitSet seen = new BitSet(Shard.COUNT);
		for (String part : text.split(",")) {
			String range = part.strip();
			int dash = range.indexOf('-');
			int from = parseShard(dash < 0 ? range : range.substring(0, dash), text);
			int to = dash < 0 ? from : parseShard(range.substring(dash + 1), text);
			if (to < from) {
				throw new IllegalArgumentException("shard range '" + range + "' runs backwards");
			}
			seen.set(from, to + 1);
		}
		return new ShardSet(seen.stream().mapToObj(Shard::of).toList());
	}

	private static int parseShard(String digits, String whole) {
		try {
			return Shard.of(Integer.parseInt(digits.strip())).value();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + whole + "' is not a set of shards such as 0-24 or 0-9,50-54", ex);
		}
	}

	public static ShardSet range(int fromInclusive, int toInclusive) {
		return new ShardSet(IntStream.rangeClosed(fromInclusive, toInclusive).mapToObj(Shard::of).toList());
	}

	public boolean contains(Shard shard) {
		return shards.contains(shard);
	}
}
