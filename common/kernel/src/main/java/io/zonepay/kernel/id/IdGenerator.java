package io.zonepay.kernel.id;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.zonepay.kernel.zone.Shard;

/**
 * Generates 64-bit business ids whose last two decimal digits are a shard, roughly
 * ordered by time and unique across processes as long as every process has its own node
 * id.
 *
 * <p>
 * An id is {@code base * 100 + shard}, where {@code base} packs 40 bits of milliseconds
 * since 2025-01-01 (good until 2059), 10 bits of node id and 6 bits of sequence. The
 * millisecond and sequence form one logical clock that never goes backwards: when more
 * than 64 ids are asked for in one millisecond, or the wall clock steps back, the
 * generator runs slightly ahead of the wall clock instead of waiting or repeating itself.
 */
public final class IdGenerator {

	/** The largest node id; each generating process needs a distinct one. */
	public static final int MAX_NODE_ID = (1 << 10) - 1;

	static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

	private static final int NODE_BITS = 10;

	private static final int SEQUENCE_BITS = 6;

	private static final long MAX_TICKS = (1L << 40) - 1;

	private final int node;

	private final Clock clock;

	/**
	 * The last issued (milliseconds, sequence) pair, packed as
	 * {@code millis << 6 | sequence}.
	 */
	private final AtomicLong last = new AtomicLong();

	public IdGenerator(int node, Clock clock) {
		if (node < 0 || node > MAX_NODE_ID) {
			throw new IllegalArgumentException("node ids are 0.." + MAX_NODE_ID + ", not " + node);
		}
		this.node = node;
		this.clock = clock;
	}

	public IdGenerator(int node) {
		this(node, Clock.systemUTC());
	}

	/** A new id owned by the given shard. */
	public long next(Shard shard) {
		long now = (clock.millis() - EPOCH.toEpochMilli()) << SEQUENCE_BITS;
		long tick = last.updateAndGet(previous -> Math.max(now, previous + 1));
		long millis = tick >>> SEQUENCE_BITS;
		if (millis > MAX_TICKS) {
			throw new IllegalStateException("the id clock is outside 2025..2059; ids would not fit in 64 bits");
		}
		long base = (millis << (NODE_BITS + SEQUENCE_BITS)) | ((long) node << SEQUENCE_BITS)
				| (tick & ((1 << SEQUENCE_BITS) - 1));
		return base * Shard.COUNT + shard.value();
	}

	/**
	 * A new id of one kind owned by the given shard:
	 * {@code ids.next(shard, PaymentId::new)}.
	 */
	public <T extends TypedId> T next(Shard shard, LongFunction<T> kind) {
		return kind.apply(next(shard));
	}

	/**
	 * When an id was issued, to the millisecond (ahead of the wall clock by at most the
	 * burst it was part of).
	 */
	public static Instant issuedAt(long id) {
		long base = id / Shard.COUNT;
		return EPOCH.plusMillis(base >>> (NODE_BITS + SEQUENCE_BITS));
	}

	public int node() {
		return node;
	}

}
