package io.zonepay.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.zonepay.platform.ZonePayCommand.refusing;

/** {@code ./zonepay drill <kind> ...}: see {@link Drill}. */
@Command(name = "drill", description = { "Disrupts the platform under load, audits the books, puts it back.",
		"The drill measures its own load, audits every shard group's books straight from the databases and writes"
				+ " its report to the run's directory. Exit status 0 only when the audit passes (and, where the"
				+ " drill promises it, no request failed)." })
final class DrillCommand {

	/**
	 * After a freeze or a stall ends, the load runs this much longer: detection,
	 * failover, recovery and the first answers after them.
	 */
	static final Duration AFTER_HOLD = Duration.ofSeconds(25);

	/**
	 * Every drill checks its zones against the topology, and its options, before the
	 * drill starts.
	 */
	private static ZonePayCommand.Action drill(CommandSpec spec, Installation installation, Plan plan) {
		DrillOptions options = refusing(spec, () -> plan.options(KnownZones.of(installation)));
		return () -> new Drill(installation, options).run();
	}

	/** A drill's options, checked against the topology. */
	@FunctionalInterface
	interface Plan {

		DrillOptions options(KnownZones zones);

	}

	@Command(name = "zone-down", description = "Kills an RZone's process for real and lets the GZone fail it over.")
	static final class ZoneDown implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ZONE", description = "the RZone to kill, such as rz1")
		String zone = "";

		@Mixin
		DrillSettings settings = new DrillSettings();

		@Mixin
		LoadLength length = new LoadLength();

		ZoneDown(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, zones -> DrillOptions.of(DrillOptions.Kind.ZONE_DOWN, zones.rzone(zone),
					null, settings, length.duration(), Duration.ZERO, zones.gateways()));
		}

	}

	@Command(name = "drain", description = "Moves every shard of an RZone to another; no request may fail.")
	static final class Drain implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FROM", description = "the RZone to drain")
		String from = "";

		@Parameters(index = "1", paramLabel = "TO", description = "the RZone that takes its shards")
		String to = "";

		@Mixin
		DrillSettings settings = new DrillSettings();

		@Mixin
		LoadLength length = new LoadLength();

		Drain(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, zones -> DrillOptions.of(DrillOptions.Kind.DRAIN, zones.rzone(from),
					zones.rzone(to), settings, length.duration(), Duration.ZERO, zones.gateways()));
		}

	}

	@Command(name = "split",
			description = { "Adds a cell under load: starts a new RZone with its own shard group, then moves shards",
					"into it live (copy, catch-up, cut-over, purge); no request may fail. Restores by merging back." })
	static final class Split implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Option(names = "--shards", required = true, description = "the shards that move, such as 13-24")
		String shards = "";

		@Option(names = "--to", required = true, description = "the new RZone, such as rz5")
		String to = "";

		@Option(names = "--city", description = "its city (default: the city of the zone the shards leave)")
		String city = "";

		@Mixin
		DrillSettings settings = new DrillSettings();

		@Mixin
		LoadLength length = new LoadLength();

		Split(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, zones -> {
				io.zonepay.kernel.zone.ShardSet moving = io.zonepay.kernel.zone.ShardSet.of(shards);
				String home = city.isBlank() ? zones.topology()
					.rzones()
					.stream()
					.filter(zone -> java.util.Objects.requireNonNull(zone.shards())
						.contains(moving.shards().getFirst()))
					.findFirst()
					.orElseThrow(
							() -> new IllegalArgumentException("no RZone serves shard " + moving.shards().getFirst()))
					.city()
					.value() : city;
				CellPlans.Move move = CellPlans.addition(zones.topology(), io.zonepay.kernel.zone.ZoneId.of(to),
						io.zonepay.kernel.zone.CityId.of(home), moving, null);
				return DrillOptions.cell(DrillOptions.Kind.SPLIT, move, settings, length.duration(), zones.gateways());
			});
		}

	}

	@Command(name = "merge",
			description = { "Takes a cell away under load: its shards merge back into another zone's shard group",
					"live, then it stops; no request may fail." })
	static final class Merge implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ZONE", description = "the RZone that leaves, such as rz5")
		String zone = "";

		@Option(names = "--into", required = true, description = "the RZone whose shard group takes its shards")
		String into = "";

		@Mixin
		DrillSettings settings = new DrillSettings();

		@Mixin
		LoadLength length = new LoadLength();

		Merge(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation,
					zones -> DrillOptions.cell(DrillOptions.Kind.MERGE,
							CellPlans.removal(zones.topology(), io.zonepay.kernel.zone.ZoneId.of(zone),
									io.zonepay.kernel.zone.ZoneId.of(into)),
							settings, length.duration(), zones.gateways()));
		}

	}

	@Command(name = "freeze",
			description = { "Freezes an RZone's process (SIGSTOP) for a while, then thaws it (SIGCONT).",
					"A frozen zone answers nothing but is not dead: it must be detected, failed over, and fenced once"
							+ " thawed." })
	static final class Freeze implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ZONE", description = "the RZone to freeze, such as rz2")
		String zone = "";

		@Option(names = "--seconds", defaultValue = "30", paramLabel = "N",
				description = "how long it stays frozen, 1..600 (default: ${DEFAULT-VALUE}); the load runs through it"
						+ " and 25 s after")
		int seconds;

		@Mixin
		DrillSettings settings = new DrillSettings();

		Freeze(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation,
					zones -> held(DrillOptions.Kind.FREEZE, zones.rzone(zone), settings, seconds, zones));
		}

	}

	@Command(name = "busy",
			description = {
					"Takes a core of the host with a busy loop for a while, under load: the other side of a freeze.",
					"Every zone answers slowly but answers; nothing may be failed over (the drill fails if the zone's"
							+ " shards move)." })
	static final class Busy implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ZONE", description = "the RZone watched for a wrong failover, such as rz2")
		String zone = "";

		@Option(names = "--seconds", defaultValue = "30", paramLabel = "N",
				description = "how long the busy loop runs, 1..600 (default: ${DEFAULT-VALUE}); the load runs through"
						+ " it and 25 s after")
		int seconds;

		@Mixin
		DrillSettings settings = new DrillSettings();

		Busy(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation,
					zones -> held(DrillOptions.Kind.BUSY, zones.rzone(zone), settings, seconds, zones));
		}

	}

	@Command(name = "kafka-stall", description = { "Freezes the Kafka broker (SIGSTOP) for a while, then thaws it.",
			"Every producer and consumer stalls at once; every outcome must be known afterwards and the books must"
					+ " balance." })
	static final class KafkaStall implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "SECONDS", description = "how long the broker stays frozen, 1..600")
		int seconds;

		@Mixin
		DrillSettings settings = new DrillSettings();

		KafkaStall(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation,
					zones -> held(DrillOptions.Kind.KAFKA_STALL, "kafka", settings, seconds, zones));
		}

	}

	@Command(name = "pause", description = {
			"Freezes every process of the platform (SIGSTOP) for a while, then thaws them together (SIGCONT).",
			"A laptop's lid, a virtual machine's snapshot: everything wakes at once, a pause late. Nothing may be"
					+ " failed over (neither an RZone nor the GZone) and every outcome must be known afterwards." })
	static final class Pause implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "SECONDS", defaultValue = "16",
				description = "how long the platform stays frozen, 1..600 (default: ${DEFAULT-VALUE}, the pause a"
						+ " virtual machine's snapshot took on 2026-12-06)")
		int seconds;

		@Mixin
		DrillSettings settings = new DrillSettings();

		Pause(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation,
					zones -> held(DrillOptions.Kind.PAUSE, zones.rzones().getFirst(), settings, seconds, zones));
		}

	}

	@Command(name = "czone-down",
			description = "Kills a city's CZone; its city must read global data elsewhere and no request may fail.")
	static final class CzoneDown implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "CZONE", description = "the CZone to kill, such as cz-hz")
		String czone = "";

		@Mixin
		DrillSettings settings = new DrillSettings();

		@Mixin
		LoadLength length = new LoadLength();

		CzoneDown(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, zones -> DrillOptions.of(DrillOptions.Kind.CZONE_DOWN, zones.czone(czone),
					null, settings, length.duration(), Duration.ZERO, zones.gateways()));
		}

	}

	@Command(name = "gzone-down", description = {
			"Kills the GZone; payments go on, its standby promotes itself, global writes resume.",
			"No request may fail. The killed GZone is started again and must find itself fenced; the standby stays"
					+ " the writer." })
	static final class GzoneDown implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Mixin
		DrillSettings settings = new DrillSettings();

		@Mixin
		LoadLength length = new LoadLength();

		GzoneDown(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, zones -> DrillOptions.of(DrillOptions.Kind.GZONE_DOWN,
					zones.gzoneWithStandby(), null, settings, length.duration(), Duration.ZERO, zones.gateways()));
		}

	}

	@Command(name = "all", description = {
			"Runs czone-down cz-hz, freeze rz2 (30 s), busy rz2 (30 s), kafka-stall 20, pause 16, zone-down rz1"
					+ " and gzone-down in turn, one report.",
			"gzone-down comes last: it leaves the standby as the writer. Exit status 0 only when every drill passes." })
	static final class All implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Mixin
		DrillSettings settings = new DrillSettings();

		All(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			List<DrillOptions> drills = refusing(spec, () -> plan(KnownZones.of(installation)));
			return () -> new DrillSeries(installation, drills).run();
		}

		private List<DrillOptions> plan(KnownZones zones) {
			Duration length = Duration.ofSeconds(40);
			List<DrillOptions> drills = new ArrayList<>();
			drills.add(DrillOptions.of(DrillOptions.Kind.CZONE_DOWN, zones.czone(zones.czones().getFirst()), null,
					settings, length, Duration.ZERO, zones.gateways()));
			List<String> rzones = zones.rzones();
			drills.add(held(DrillOptions.Kind.FREEZE, rzones.get(1 % rzones.size()), settings, 30, zones));
			drills.add(held(DrillOptions.Kind.BUSY, rzones.get(1 % rzones.size()), settings, 30, zones));
			drills.add(held(DrillOptions.Kind.KAFKA_STALL, "kafka", settings, 20, zones));
			drills.add(held(DrillOptions.Kind.PAUSE, rzones.getFirst(), settings, 16, zones));
			drills.add(DrillOptions.of(DrillOptions.Kind.ZONE_DOWN, rzones.getFirst(), null, settings, length,
					Duration.ZERO, zones.gateways()));
			drills.add(DrillOptions.of(DrillOptions.Kind.GZONE_DOWN, zones.gzoneWithStandby(), null, settings, length,
					Duration.ZERO, zones.gateways()));
			return drills;
		}

	}

	/**
	 * A drill whose disruption lasts a set time: the load runs through it and
	 * {@link #AFTER_HOLD} after.
	 */
	private static DrillOptions held(DrillOptions.Kind kind, String zone, DrillSettings settings, int seconds,
			KnownZones zones) {
		Duration hold = Duration.ofSeconds(seconds);
		Duration length = Duration.ofSeconds(settings.warmUp).plus(hold).plus(AFTER_HOLD);
		return DrillOptions.of(kind, zone, null, settings, length, hold, zones.gateways());
	}

}
