package io.zonepay.config.supervision;

import java.time.Duration;
import java.util.Map;

import io.zonepay.kernel.zone.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayViewsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keepsTheZonesAGatewaySeesSilent() {
		Map<ZoneId, Duration> silent = GatewayViews.silences(json.readTree("""
				{"rz1": {"waiting": 3, "silentMs": 0}, "rz2": {"waiting": 9, "silentMs": 2400}, \
				"rz3": {"waiting": 2, "silentMs": 40}}
				"""));
		assertThat(silent).containsOnly(Map.entry(ZoneId.of("rz2"), Duration.ofMillis(2400)),
				Map.entry(ZoneId.of("rz3"), Duration.ofMillis(40)));
	}

	@Test
	void aGatewayThatFindsMostZonesSilentAtOnceIsInTroubleItselfAndSaysNothing() {
		assertThat(GatewayViews.silences(json.readTree("""
				{"rz1": {"waiting": 3, "silentMs": 3100}, "rz2": {"waiting": 9, "silentMs": 2400}, \
				"rz3": {"waiting": 2, "silentMs": 0}}
				"""))).isEmpty();
	}

}
