package io.zonepay.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RoutingSnapshotTests {

	@Test
	void whatMovedAwayIsGroupedByTheZoneItMustGoBackTo() {
		RoutingSnapshot original = table(1, Map.of(0, "rz1", 1, "rz1", 2, "rz2", 3, "rz3"));
		RoutingSnapshot afterFailover = table(2, Map.of(0, "rz2", 1, "rz2", 2, "rz2", 3, "rz3"));

		assertThat(afterFailover.movedAwayFrom(original)).containsExactly(entry("rz1", List.of(0, 1)));
		assertThat(original.movedAwayFrom(original)).isEmpty();
	}

	@Test
	void shardsReadAsRanges() {
		assertThat(RoutingSnapshot.ranges(List.of(0, 1, 2, 3, 24))).isEqualTo("00-03, 24");
		assertThat(RoutingSnapshot.ranges(List.of())).isEqualTo("none");
	}

	private static RoutingSnapshot table(long epoch, Map<Integer, String> owners) {
		return new RoutingSnapshot(epoch, new HashMap<>(owners));
	}

}
