package io.zonepay.kernel.id;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.kernel.zone.Shard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdGeneratorTests {

	private static final int THREADS = 8;

	private static final int IDS_PER_THREAD = 100_000;

	@Test
	void idsAreUniqueAcrossEightThreadsAndCarryTheirShard() throws Exception {
		IdGenerator generator = new IdGenerator(7);
		List<Callable<long[]>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			workers.add(() -> {
				long[] ids = new long[IDS_PER_THREAD];
				for (int i = 0; i < ids.length; i++) {
					Shard shard = Shard.of(ThreadLocalRandom.current().nextInt(Shard.COUNT));
					ids[i] = generator.next(shard);
					assertThat(ids[i] % 100).isEqualTo(shard.value());
				}
				return ids;
			});
		}
		long[] all;
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<long[]> results = new ArrayList<>();
			for (Future<long[]> result : pool.invokeAll(workers)) {
				results.add(result.get());
			}
			all = results.stream().flatMapToLong(java.util.Arrays::stream).toArray();
		}
		assertThat(all).hasSize(THREADS * IDS_PER_THREAD);
		assertThat(java.util.Arrays.stream(all).distinct().count()).isEqualTo(all.length);
		assertThat(java.util.Arrays.stream(all).allMatch(id -> id > 0)).isTrue();
	}

	@Test
	void twoNodesNeverIssueTheSameIdInTheSameMillisecond() {
		Clock frozen = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
		IdGenerator first = new IdGenerator(1, frozen);
		IdGenerator second = new IdGenerator(2, frozen);
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			assertThat(ids.add(first.next(Shard.of(42)))).isTrue();
			assertThat(ids.add(second.next(Shard.of(42)))).isTrue();
		}
	}

	@Test
	void idsKeepIncreasingWhenTheWallClockStepsBack() {
		AtomicLong millis = new AtomicLong(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
		Clock clock = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return Instant.ofEpochMilli(millis.get());
			}
		};
		IdGenerator generator = new IdGenerator(3, clock);
		long before = generator.next(Shard.of(5));
		millis.addAndGet(-60_000);
		long after = generator.next(Shard.of(5));
		assertThat(after).isGreaterThan(before);
	}

	@Test
	void idsAreOrderedByTimeAndTellWhenTheyWereIssued() {
		Instant t1 = Instant.parse("2026-11-21T10:00:00Z");
		Instant t2 = t1.plusMillis(1);
		long early = new IdGenerator(1023, Clock.fixed(t1, ZoneOffset.UTC)).next(Shard.of(99));
		long late = new IdGenerator(0, Clock.fixed(t2, ZoneOffset.UTC)).next(Shard.of(0));
		assertThat(late).isGreaterThan(early);
		assertThat(IdGenerator.issuedAt(early)).isEqualTo(t1);
		assertThat(IdGenerator.issuedAt(late)).isEqualTo(t2);
	}

	@Test
	void idsStillFitInSixtyFourBitsAtTheEndOfTheRange() {
		Clock last = Clock.fixed(Instant.parse("2059-11-01T00:00:00Z"), ZoneOffset.UTC);
		long id = new IdGenerator(IdGenerator.MAX_NODE_ID, last).next(Shard.of(99));
		assertThat(id).isPositive();
		assertThat(id % 100).isEqualTo(99);
	}

	@Test
	void rejectsNodeIdsOutsideTenBits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdGenerator(1024));
		assertThatIllegalArgumentException().isThrownBy(() -> new IdGenerator(-1));
	}

}
