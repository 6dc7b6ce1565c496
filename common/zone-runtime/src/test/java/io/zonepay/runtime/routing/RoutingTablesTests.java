package io.zonepay.runtime.routing;

import java.util.concurrent.atomic.AtomicInteger;

import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTablesTests {

	@Test
	void takesOnlyNewerEpochs() {
		RoutingTables tables = new RoutingTables();
		assertThat(tables.current()).isNull();
		assertThat(tables.offer(TestRouting.evenly(2, "rz1", "rz2"))).isTrue();
		assertThat(tables.offer(TestRouting.evenly(1, "rz1"))).isFalse();
		assertThat(tables.offer(TestRouting.evenly(2, "rz2"))).isFalse();
		assertThat(tables.epoch()).isEqualTo(2);
		assertThat(tables.current().zones()).hasSize(2);
		assertThat(tables.offer(TestRouting.evenly(3, "rz1"))).isTrue();
		assertThat(tables.epoch()).isEqualTo(3);
	}

	@Test
	void tellsItsListenersOfNewerTablesOnly() {
		RoutingTables tables = new RoutingTables();
		AtomicInteger told = new AtomicInteger();
		tables.whenNewer(told::incrementAndGet);

		tables.offer(TestRouting.evenly(2, "rz1", "rz2"));
		tables.offer(TestRouting.evenly(1, "rz1"));
		tables.offer(TestRouting.evenly(2, "rz2"));
		tables.offer(TestRouting.evenly(3, "rz1"));

		assertThat(told).hasValue(2);
	}

}
