package io.zonepay.platform;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.zonepay.platform.ZonePayCommand.refusing;

/** {@code ./zonepay drill zone-down <zone> | drain <from> <to>}: see {@link Drill}. */
@Command(name = "drill", description = { "Disrupts the platform under load, audits the books, puts it back.",
		"The drill measures its own load, audits every shard group's books straight from the databases and writes its report to the run's"
				+ " directory. Exit status 0 only when the audit passes (and, for a drain, no request failed)." })
final class DrillCommand {

	/** Both drills check their zones against the topology, and their options, before the drill starts. */
	private static ZonePayCommand.Action drill(CommandSpec spec, Installation installation, DrillOptions.Kind kind, String zone,
			@Nullable String target, DrillSettings settings) {
		KnownZones zones = KnownZones.of(installation);
		DrillOptions options = refusing(spec, () -> {
			zones.rzone(zone);
			if (target != null) {
				zones.rzone(target);
			}
			return DrillOptions.of(kind, zone, target, settings, zones.gateways());
		});
		return () -> new Drill(installation, options).run();
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

		ZoneDown(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, DrillOptions.Kind.ZONE_DOWN, zone, null, settings);
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

		Drain(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return drill(spec, installation, DrillOptions.Kind.DRAIN, from, to, settings);
		}
	}
}
