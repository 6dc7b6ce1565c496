package io.zonepay.runtime.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoutingAutoConfiguration.class));

	@Test
	void publishesTheEpochItRoutesByAsAGauge() {
		runner.run(context -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBeansOfType(MeterBinder.class).values().forEach(binder -> binder.bindTo(registry));
			assertThat(registry.get("zonepay.routing.epoch").gauge().value()).isZero();

			context.getBean(RoutingTables.class).offer(TestRouting.evenly(7, "rz1", "rz2"));

			assertThat(registry.get("zonepay.routing.epoch").gauge().value()).isEqualTo(7);
		});
	}

}
