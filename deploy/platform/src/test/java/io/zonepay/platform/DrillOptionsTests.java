package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DrillOptionsTests {

	/** As the local topology declares them, the GZone's city first. */
	private static final Map<String, URI> TOPOLOGY_GATEWAYS = gateways();

	@Test
	void aZoneDownDrillRunsTheDefaultLoadAgainstTheTopologysGatewaysAndRestores() {
		DrillOptions options = zoneDown("rz1");

		assertThat(options.kind()).isEqualTo(DrillOptions.Kind.ZONE_DOWN);
		assertThat(options.zone()).isEqualTo("rz1");
		assertThat(options.target()).isNull();
		assertThat(options.rate()).isEqualTo(20);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(40));
		assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.usersPerZone()).isEqualTo(6);
		assertThat(options.restore()).isTrue();
		assertThat(options.gateways()).containsExactlyEntriesOf(TOPOLOGY_GATEWAYS);
		assertThat(options.admin()).isEqualTo(URI.create("http://localhost:8080"));
	}

	@Test
	void aDrainNamesBothZonesAndTakesEveryOption() {
		DrillOptions options = drain("rz1", "rz2", "--rate", "40", "--seconds", "60", "--warm-up", "10",
				"--users-per-zone", "3", "--gateways", "sh=http://10.0.0.2:8081", "--admin", "http://10.0.0.1:8080",
				"--no-restore");

		assertThat(options.describe()).isEqualTo("drain rz1 -> rz2");
		assertThat(options.target()).isEqualTo("rz2");
		assertThat(options.rate()).isEqualTo(40);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.usersPerZone()).isEqualTo(3);
		assertThat(options.restore()).isFalse();
		assertThat(options.gateways()).containsExactly(Map.entry("hz", URI.create("http://localhost:8080")),
				Map.entry("sh", URI.create("http://10.0.0.2:8081")));
		assertThat(options.admin()).isEqualTo(URI.create("http://10.0.0.1:8080"));
	}

	@Test
	void refusesValuesOutOfTheirBoundsNamingTheOptionAndTheBounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> zoneDown("rz1", "--rate", "501"))
			.withMessage("--rate must be 1..500, not 501");
		assertThatIllegalArgumentException().isThrownBy(() -> zoneDown("rz1", "--seconds", "4"))
			.withMessage("--seconds must be 5..3600, not 4");
		assertThatIllegalArgumentException().isThrownBy(() -> zoneDown("rz1", "--warm-up", "0"))
			.withMessage("--warm-up must be 1..600, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> zoneDown("rz1", "--users-per-zone", "1"))
			.withMessage("--users-per-zone must be 2..100, not 1");
	}

	@Test
	void refusesAWarmUpThatLeavesNoLoadAfterTheDisruption() {
		assertThatIllegalArgumentException().isThrownBy(() -> zoneDown("rz1", "--seconds", "10", "--warm-up", "9"))
			.withMessage("--warm-up 9 leaves no load after the disruption within --seconds 10");
	}

	@Test
	void refusesADrainIntoTheZoneItDrains() {
		assertThatIllegalArgumentException().isThrownBy(() -> drain("rz1", "rz1"))
			.withMessage("a drain moves shards from one zone to another, not to rz1 itself");
	}

	@Test
	void refusesADrillWithNoGatewayToCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DrillOptions.of(DrillOptions.Kind.ZONE_DOWN, "rz1", null, new DrillSettings(),
					Duration.ofSeconds(40), Duration.ZERO, Map.of()))
			.withMessage("no gateway: the topology declares none and --gateways names none");
	}

	@Test
	void theParserRefusesWhatIsNotANumberOrNotACityAndItsGateway() {
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> zoneDown("rz1", "--rate", "fast"))
			.withMessageContaining("'fast' is not an int");
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> zoneDown("rz1", "--gateways", "hz"))
			.withMessageContaining("KEY=VALUE")
			.withMessageContaining("but was hz");
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> zoneDown("rz1", "--admin", "http://a b"))
			.withMessageContaining("'http://a b'");
	}

	@Test
	void aFreezeOrAStallLastsWithinItsBoundsAndSaysHowLong() {
		DrillSettings defaults = CommandLine.populateCommand(new DrillSettings());
		DrillOptions freeze = DrillOptions.of(DrillOptions.Kind.FREEZE, "rz2", null, defaults, Duration.ofSeconds(70),
				Duration.ofSeconds(30), TOPOLOGY_GATEWAYS);
		assertThat(freeze.describe()).isEqualTo("freeze rz2 for 30 s");
		assertThat(freeze.kind().movesShards()).isTrue();
		assertThat(freeze.kind().noRequestMayFail()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DrillOptions.of(DrillOptions.Kind.KAFKA_STALL, "kafka", null, defaults,
					Duration.ofSeconds(70), Duration.ZERO, TOPOLOGY_GATEWAYS))
			.withMessage("SECONDS must be 1..600, not 0");
	}

	@Test
	void aPauseOfThePlatformMovesNothingAndWantsEveryOutcomeKnown() {
		DrillSettings defaults = CommandLine.populateCommand(new DrillSettings());
		DrillOptions pause = DrillOptions.of(DrillOptions.Kind.PAUSE, "rz1", null, defaults, Duration.ofSeconds(56),
				Duration.ofSeconds(16), TOPOLOGY_GATEWAYS);
		assertThat(pause.describe()).isEqualTo("pause 16 s (every process of the platform)");
		assertThat(pause.kind().holds()).isTrue();
		assertThat(pause.kind().movesShards()).isFalse();
		// Requests sent while the platform is frozen time out; their operations must end
		// known once it wakes.
		assertThat(pause.kind().noRequestMayFail()).isFalse();
		assertThat(pause.kind().outcomesMustBeKnown()).isTrue();
		assertThat(DrillOptions.Kind.BUSY.outcomesMustBeKnown()).isFalse();
	}

	@Test
	void theGlobalDataDrillsPromiseThatNoRequestFails() {
		assertThat(DrillOptions.Kind.CZONE_DOWN.noRequestMayFail()).isTrue();
		assertThat(DrillOptions.Kind.GZONE_DOWN.noRequestMayFail()).isTrue();
		assertThat(DrillOptions.Kind.KAFKA_STALL.movesShards()).isFalse();
	}

	private static DrillOptions zoneDown(String zone, String... settings) {
		Loaded loaded = CommandLine.populateCommand(new Loaded(), settings);
		return DrillOptions.of(DrillOptions.Kind.ZONE_DOWN, zone, null, loaded.settings, loaded.length.duration(),
				Duration.ZERO, TOPOLOGY_GATEWAYS);
	}

	private static DrillOptions drain(String from, String to, String... settings) {
		Loaded loaded = CommandLine.populateCommand(new Loaded(), settings);
		return DrillOptions.of(DrillOptions.Kind.DRAIN, from, to, loaded.settings, loaded.length.duration(),
				Duration.ZERO, TOPOLOGY_GATEWAYS);
	}

	/**
	 * A drill's settings and its load's length, as the commands that have both take them.
	 */
	static final class Loaded {

		@CommandLine.Mixin
		DrillSettings settings = new DrillSettings();

		@CommandLine.Mixin
		LoadLength length = new LoadLength();

	}

	private static Map<String, URI> gateways() {
		Map<String, URI> gateways = new LinkedHashMap<>();
		gateways.put("hz", URI.create("http://localhost:8080"));
		gateways.put("sh", URI.create("http://localhost:8081"));
		return gateways;
	}

}
