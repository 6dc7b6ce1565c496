package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DrillOptionsTests {

	/** As the local topology declares them, the GZone's city first. */
	private static final Map<String, URI> TOPOLOGY_GATEWAYS = gateways();

	@Test
	void aZoneDownDrillRunsTheDefaultLoadAgainstTheTopologysGatewaysAndRestores() {
		DrillOptions options = parse("drill", "zone-down", "rz1");

		assertThat(options.kind()).isEqualTo(DrillOptions.Kind.ZONE_DOWN);
		assertThat(options.zone()).isEqualTo("rz1");
		assertThat(options.target()).isNull();
		assertThat(options.rate()).isEqualTo(20);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(40));
		assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.usersPerZone()).isEqualTo(6);
		assertThat(options.restore()).isTrue();
		assertThat(options.gateways()).isEqualTo(TOPOLOGY_GATEWAYS);
		assertThat(options.admin()).isEqualTo(URI.create("http://localhost:8080"));
	}

	@Test
	void aDrainNamesBothZonesAndTakesEveryOption() {
		DrillOptions options = parse("drill", "drain", "rz1", "rz2", "--rate", "40", "--seconds", "60", "--warm-up", "10", "--users-per-zone", "3",
				"--gateways", "sh=http://10.0.0.2:8081", "--admin", "http://10.0.0.1:8080", "--no-restore");

		assertThat(options.describe()).isEqualTo("drain rz1 -> rz2");
		assertThat(options.target()).isEqualTo("rz2");
		assertThat(options.rate()).isEqualTo(40);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.usersPerZone()).isEqualTo(3);
		assertThat(options.restore()).isFalse();
		assertThat(options.gateways()).containsEntry("hz", URI.create("http://localhost:8080")).containsEntry("sh", URI.create("http://10.0.0.2:8081"));
		assertThat(options.admin()).isEqualTo(URI.create("http://10.0.0.1:8080"));
	}

	@Test
	void refusesWhatCannotBeADrill() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "explode", "rz1")).withMessageContaining("usage");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "drain", "rz1")).withMessageContaining("usage");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "drain", "rz1", "rz1")).withMessageContaining("itself");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "zone-down", "rz1", "--rate", "fast")).withMessageContaining("whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "zone-down", "rz1", "--users-per-zone", "1")).withMessageContaining("2..100");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "zone-down", "rz1", "--seconds", "10", "--warm-up", "9"))
			.withMessageContaining("no load after the disruption");
	}

	@Test
	void aFlagBeforeTheZoneIsNamedAsTheMistake() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("drill", "zone-down", "--no-restore", "rz1"))
			.withMessageContaining("--no-restore takes no value");
	}

	private static Map<String, URI> gateways() {
		Map<String, URI> gateways = new LinkedHashMap<>();
		gateways.put("hz", URI.create("http://localhost:8080"));
		gateways.put("sh", URI.create("http://localhost:8081"));
		return gateways;
	}

	private static DrillOptions parse(String... args) {
		return DrillOptions.parse(Options.parse(args), TOPOLOGY_GATEWAYS);
	}
}
