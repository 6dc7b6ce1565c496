package io.zonepay.kernel.zone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShardTests {

	@Test
	void theShardOfAnIdIsItsLastTwoDigits() {
		assertThat(Shard.ofId(1)).isEqualTo(Shard.of(1));
		assertThat(Shard.ofId(100)).isEqualTo(Shard.of(0));
		assertThat(Shard.ofId(123_456_799L)).isEqualTo(Shard.of(99));
		assertThat(Shard.ofId(Long.MAX_VALUE)).isEqualTo(Shard.of(7));
	}

	@Test
	void printsAsTwoDigits() {
		assertThat(Shard.of(7)).hasToString("07");
		assertThat(Shard.of(42)).hasToString("42");
	}

	@Test
	void refusesValuesOutsideZeroToNinetyNine() {
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.of(100));
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.of(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.ofId(0));
	}

	@Test
	void readsShardSetsAsOperatorsWriteThem() {
		assertThat(ShardSet.of("0-24").shards()).hasSize(25);
		assertThat(ShardSet.of("0-9, 50-54,99").shards()).hasSize(16).contains(Shard.of(99));
		assertThatIllegalArgumentException().isThrownBy(() -> ShardSet.of("24-0"));
		assertThatIllegalArgumentException().isThrownBy(() -> ShardSet.of("0-100"));
		assertThatIllegalArgumentException().isThrownBy(() -> ShardSet.of("a-b"));
	}

}
