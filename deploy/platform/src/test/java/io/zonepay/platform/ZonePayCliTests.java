package io.zonepay.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./zonepay}'s command line, on a state directory of its own: nothing here starts
 * the platform.
 */
class ZonePayCliTests {

	/**
	 * The checkout this module belongs to, for its default topology: surefire runs in the
	 * module's directory.
	 */
	private static final Path CHECKOUT = Path.of("../..").toAbsolutePath().normalize();

	@TempDir
	Path state;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	/** A process of a pretended run, so that a test can see it is not killed. */
	private Process rz1;

	@AfterEach
	void stopThePretendedZone() {
		if (rz1 != null) {
			rz1.destroyForcibly();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "--help", "-h", "up --help", "up -h", "down --help", "status --help", "kill --help",
			"start -h", "drill --help", "drill zone-down --help", "drill zone-down rz1 --help",
			"drill drain rz1 rz2 --help", "help", "help drill" })
	void everyCommandAnswersHelpWithItsUsageAndDoesNothingElse(String commandLine) throws IOException {
		assertThat(run(commandLine.split(" "))).isZero();

		assertThat(out.toString()).startsWith("Usage: zonepay");
		assertThat(err.toString()).isEmpty();
		assertThat(stateLeft()).isEmpty();
	}

	@Test
	void helpKillsNothingEvenWhenTheCommandLineWouldHave() throws Exception {
		pretendARunOf("two-rzones.yml");

		assertThat(run("kill", "rz1", "--help")).isZero();
		assertThat(run("drill", "zone-down", "rz1", "-h")).isZero();

		assertThat(rz1.isAlive()).isTrue();
		assertThat(run("kill", "rz1")).as("the same command line without --help kills").isZero();
		assertThat(rz1.waitFor()).isNotZero();
	}

	@Test
	void theTopLevelHelpListsEveryCommandOnALineOfItsOwn() {
		run("--help");

		assertThat(out.toString().lines().map(String::strip)).anyMatch(line -> line.startsWith("up "))
			.anyMatch(line -> line.startsWith("down "))
			.anyMatch(line -> line.startsWith("status "))
			.anyMatch(line -> line.startsWith("kill "))
			.anyMatch(line -> line.startsWith("start "))
			.anyMatch(line -> line.startsWith("drill "));
	}

	@Test
	void theHelpOfACommandShowsTheDefaultOfEachOption() {
		run("up", "--help");
		run("drill", "zone-down", "--help");
		run("start", "--help");

		assertThat(out.toString()).contains("(default: 15432)", "(default: 19092)", "(default: 240)", "local.yml")
			.contains("(default: 20)", "(default: 40)", "(default: 15)", "(default: 6)", "--no-restore", "--gateways",
					"--admin")
			.contains("(default: " + ProcessControl.READY_BOUND.toSeconds() + ")");
	}

	@Test
	void anUnknownOptionIsRefusedInOneLineWithAHint() {
		assertThat(run("up", "--bogus")).isEqualTo(2);

		assertThat(err.toString().lines()).containsExactly("zonepay up: Unknown option: '--bogus'",
				"see ./zonepay up --help");
		assertThat(out.toString()).isEmpty();
	}

	@Test
	void anUnknownCommandIsRefusedNamingTheCommands() {
		assertThat(run("frobnicate")).isEqualTo(2);

		assertThat(err.toString().lines()).containsExactly(
				"zonepay: no command 'frobnicate'; the commands are up, down, status, kill, start, drill, books,"
						+ " shadow, zone, prepare, help",
				"see ./zonepay --help");
	}

	@Test
	void aMistypedNameIsAnsweredWithAGuess() {
		assertThat(run("stauts")).isEqualTo(2);
		assertThat(run("drill", "zone-down", "rz1", "--rates", "5")).isEqualTo(2);

		assertThat(err.toString()).contains("did you mean start or status? see ./zonepay --help",
				"did you mean --rate? see ./zonepay drill zone-down --help");
	}

	@Test
	void aMissingOrAnExtraParameterIsRefused() {
		assertThat(run("kill")).isEqualTo(2);
		assertThat(err.toString()).contains("zonepay kill: Missing required parameter: 'NAME'");
		assertThat(run("drill", "zone-down", "rz1", "rz2")).isEqualTo(2);
		assertThat(err.toString()).contains("zonepay drill zone-down: unexpected argument 'rz2'");
		assertThat(run("drill")).isEqualTo(2);
		assertThat(err.toString()).contains("zonepay drill: name one of: zone-down, drain");
	}

	@Test
	void withNoRunZonesAreCheckedAgainstTheDefaultTopology() throws IOException {
		assertThat(run("drill", "zone-down", "rz9")).isEqualTo(2);
		assertThat(run("kill", "rz9")).isEqualTo(2);
		assertThat(run("start", "gw-xx")).isEqualTo(2);

		assertThat(err.toString().lines()).contains(
				"zonepay drill zone-down: no RZone rz9 in the topology (local.yml): rz1, rz2, rz3, rz4",
				"zonepay kill: no zone or gateway rz9 in the topology (local.yml): gz, gz-sh, cz-hz, cz-sh, rz1, rz2,"
						+ " rz3, rz4, gw-hz, gw-sh",
				"zonepay start: no zone or gateway gw-xx in the topology (local.yml): gz, gz-sh, cz-hz, cz-sh, rz1,"
						+ " rz2, rz3, rz4, gw-hz, gw-sh");
		assertThat(stateLeft()).isEmpty();
	}

	@Test
	void theGlobalDataAndGrayFailureDrillsCheckTheirZonesAndHowLongTheyLast() throws IOException {
		assertThat(run("drill", "czone-down", "cz-xx")).isEqualTo(2);
		assertThat(run("drill", "freeze", "rz2", "--seconds", "0")).isEqualTo(2);
		assertThat(run("drill", "kafka-stall", "601")).isEqualTo(2);
		assertThat(run("drill", "busy", "gz")).isEqualTo(2);
		assertThat(run("drill", "pause", "0")).isEqualTo(2);

		assertThat(err.toString()).contains("no CZone cz-xx in the topology (local.yml): cz-hz, cz-sh")
			.contains("--seconds must be 1..600, not 0")
			.contains("SECONDS must be 1..600, not 601")
			.contains("SECONDS must be 1..600, not 0")
			.contains("no RZone gz in the topology (local.yml)");
		assertThat(stateLeft()).isEmpty();
	}

	@Test
	void theBooksAuditBoundsItsSettlingAndNeedsARunningPlatform() throws IOException {
		assertThat(run("books", "--settle", "601")).isEqualTo(2);
		assertThat(err.toString()).contains("--settle must be 0..600, not 601");
		assertThat(run("books", "--shadow", "--help")).isZero();
		assertThat(run("shadow", "clean", "--help")).isZero();
		assertThat(out.toString()).contains("--shadow", "Real data is not touched");
		assertThat(stateLeft()).isEmpty();
	}

	@Test
	void aRunningPlatformsZonesAreThoseOfTheTopologyItWasStartedWith() throws Exception {
		pretendARunOf("two-rzones.yml");

		assertThat(run("drill", "zone-down", "rz3")).isEqualTo(2);
		assertThat(run("drill", "drain", "rz1", "gz")).as("the GZone is no RZone").isEqualTo(2);
		assertThat(run("kill", "gw-sh")).as("sh has no gateway").isEqualTo(2);

		assertThat(err.toString()).contains("no RZone rz3 in the topology (two-rzones.yml): rz1, rz2", "no RZone gz",
				"no zone or gateway gw-sh");
		assertThat(rz1.isAlive()).isTrue();
	}

	@Test
	void theInfrastructureIsNotForKillAndStart() {
		assertThat(run("kill", "postgres")).isEqualTo(2);
		assertThat(run("start", "kafka")).isEqualTo(2);

		assertThat(err.toString()).contains(
				"zonepay kill: postgres is infrastructure; only zones and gateways can be killed and started",
				"zonepay start: kafka is infrastructure");
	}

	@Test
	void aBadValueIsRefusedNamingTheOption() throws IOException {
		assertThat(run("drill", "zone-down", "rz1", "--rate", "fast")).isEqualTo(2);
		assertThat(run("drill", "zone-down", "rz1", "--rate", "501")).isEqualTo(2);
		assertThat(run("drill", "drain", "rz1", "rz1")).isEqualTo(2);
		assertThat(run("up", "--timeout", "0")).isEqualTo(2);
		assertThat(run("up", "--topology", state.resolve("nowhere.yml").toString())).isEqualTo(2);
		assertThat(run("start", "rz1", "--timeout", "-1")).isEqualTo(2);

		assertThat(err.toString()).contains("Invalid value for option '--rate': 'fast' is not an int",
				"--rate must be 1..500, not 501", "not to rz1 itself", "--timeout must be 1..3600, not 0",
				"nowhere.yml: no such file", "--timeout must be 1..3600, not -1");
		assertThat(stateLeft()).isEmpty();
	}

	@Test
	void aFlagMayComeBeforeTheZones() {
		assertThat(parseOnly("drill", "zone-down", "--no-restore", "rz1")).isZero();
		assertThat(parseOnly("drill", "drain", "--rate", "40", "rz1", "rz2")).isZero();
	}

	@Test
	void aValidCommandLineThatCannotBeCarriedOutFailsWithExitStatusOne() {
		assertThat(run("kill", "rz1")).isEqualTo(1);
		assertThat(run("drill", "zone-down", "rz1")).isEqualTo(1);

		assertThat(err.toString().lines()).containsExactly("zonepay kill: ZonePay is not running",
				"zonepay drill zone-down: ZonePay is not running; ./zonepay up first");
	}

	@Test
	void parseOnlyChecksTheCommandLineAndStartsNothing() throws IOException {
		assertThat(parseOnly("up")).isZero();
		assertThat(parseOnly("up", "--postgres-port", "25432", "--timeout", "60")).isZero();
		assertThat(parseOnly("kill", "rz1")).isZero();
		assertThat(parseOnly("up", "--help")).isEqualTo(ZonePayCli.ANSWERED);
		assertThat(parseOnly("--version")).isEqualTo(ZonePayCli.ANSWERED);
		assertThat(parseOnly("up", "--bogus")).isEqualTo(2);

		assertThat(stateLeft()).isEmpty();
	}

	private int run(String... args) {
		return commandLine(false).execute(args);
	}

	private int parseOnly(String... args) {
		return commandLine(true).execute(args);
	}

	private CommandLine commandLine(boolean parseOnly) {
		CommandLine commandLine = ZonePayCli.commandLine(new Installation(CHECKOUT, state), parseOnly);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine;
	}

	/**
	 * A current run with the given test topology, whose {@code rz1} is a live process of
	 * this test's.
	 */
	private void pretendARunOf(String topology) throws IOException, URISyntaxException {
		Path file = Path.of(Objects.requireNonNull(getClass().getResource("/topology/" + topology)).toURI());
		RunDirectory run = RunDirectory.create(state);
		run.writeSettings(new RunDirectory.Settings(file,
				new LocalInfrastructure("jdbc:postgresql://127.0.0.1:1/", "postgres", "127.0.0.1:2")));
		rz1 = new ProcessBuilder("sleep", "60").start();
		run.record("rz1", rz1.pid());
	}

	private List<Path> stateLeft() throws IOException {
		try (Stream<Path> files = Files.list(state)) {
			return files.toList();
		}
	}

}
