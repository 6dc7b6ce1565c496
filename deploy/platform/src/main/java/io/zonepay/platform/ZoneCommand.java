package io.zonepay.platform;

import java.net.URI;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.platform.split.LiveSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./zonepay zone ...}: cells join and leave the running platform. */
@Command(name = "zone", description = "Adds a cell (an RZone) to the running platform, or takes one away.")
final class ZoneCommand {

	/**
	 * {@code ./zonepay zone add rz5 --city sh --shards 13-24}: a new RZone with a new
	 * shard group, and a live split that moves the shards into it.
	 */
	@Command(name = "add",
			description = { "Adds an RZone with its own shard group and moves shards into it, live: creates its",
					"databases, starts its process, copies the shards' rows, cuts over, purges the old copies." })
	static final class Add implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Mixin
		NewCell cell = new NewCell();

		Add(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			RunDirectory run = running(installation);
			CellPlans.Move addition = ZonePayCommand.refusing(spec,
					() -> cell.plan(TopologyFile.read(run.settings().topologyFile())));
			return () -> {
				CellChange change = change(installation, run, addition.before());
				System.out.printf("Adding %s in %s with shard group %s: %s%n", addition.taking().id(),
						addition.taking().city(), addition.to(), addition.describe());
				change.join(addition);
				report(addition, change.move(addition));
				return 0;
			};
		}

	}

	/**
	 * {@code ./zonepay zone remove rz5 --into rz1}: the cell's shards merge back into
	 * another zone's group, live; then its process stops.
	 */
	@Command(name = "remove",
			description = { "Merges an RZone's shards back into another zone's shard group, live, then stops it." })
	static final class Remove implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ZONE", description = "the RZone that leaves, such as rz5")
		String zone = "";

		@Option(names = "--into", required = true, description = "the RZone whose shard group takes its shards")
		String into = "";

		Remove(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			RunDirectory run = running(installation);
			CellPlans.Move removal = ZonePayCommand.refusing(spec, () -> CellPlans
				.removal(TopologyFile.read(run.settings().topologyFile()), ZoneId.of(zone), ZoneId.of(into)));
			return () -> {
				CellChange change = change(installation, run, removal.before());
				System.out.printf("Merging %s back: %s%n", zone, removal.describe());
				LiveSplit.Result result = change.move(removal);
				change.leave(removal);
				report(removal, result);
				System.out.printf("%s stopped; the topology no longer has it%n", zone);
				return 0;
			};
		}

	}

	/**
	 * {@code ./zonepay zone manifests rz5 --city sh --shards 13-24}: the Kubernetes
	 * overlay and the Compose override of a new cell, for the ways to run ZonePay that
	 * {@code zone add} does not reach.
	 */
	@Command(name = "manifests",
			description = { "Writes a new cell's Kubernetes overlay and Compose override (docs/cells.md): the same",
					"plan as zone add, from the running platform's topology or the default one." })
	static final class Manifests implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Mixin
		NewCell cell = new NewCell();

		@Option(names = "--out", description = "where to write them (default: .zonepay/manifests)")
		java.nio.file.@org.jspecify.annotations.Nullable Path out;

		Manifests(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			KnownZones zones = KnownZones.of(installation);
			CellPlans.Move addition = ZonePayCommand.refusing(spec, () -> cell.plan(zones.topology()));
			java.nio.file.Path directory = out != null ? out : installation.stateDirectory().resolve("manifests");
			return () -> {
				new CellManifests(addition).write(directory).forEach(file -> System.out.println("wrote " + file));
				return 0;
			};
		}

	}

	/**
	 * What names a new cell on the command line:
	 * {@code rz5 --city sh --shards 13-24 [--group sg5]}.
	 */
	static final class NewCell {

		@Parameters(paramLabel = "ZONE", description = "the new RZone's id, such as rz5")
		String zone = "";

		@Option(names = "--city", required = true, description = "the city it runs in (hz, sh)")
		String city = "";

		@Option(names = "--shards", required = true,
				description = "the shards it takes, such as 13-24: all served by one zone today")
		String shards = "";

		@Option(names = "--group", description = "the new shard group's id (default: sg and the zone's number)")
		String group = "";

		CellPlans.Move plan(Topology topology) {
			return CellPlans.addition(topology, ZoneId.of(zone), CityId.of(city), ShardSet.of(shards),
					group.isBlank() ? null : ShardGroupId.of(group));
		}

	}

	static RunDirectory running(Installation installation) {
		return RunDirectory.current(installation.stateDirectory())
			.orElseThrow(() -> new IllegalStateException("ZonePay is not running; ./zonepay up first"));
	}

	/** A cell change through the first city's gateway, as an administrator. */
	static CellChange change(Installation installation, RunDirectory run, Topology topology)
			throws InterruptedException {
		PlatformApi api = new PlatformApi();
		URI admin = new KnownZones(topology, run.settings().topologyFile()).gateways().values().iterator().next();
		return new CellChange(installation, run, api, admin, api.token(admin, "1", "admin"), System.out);
	}

	static void report(CellPlans.Move move, LiveSplit.Result result) {
		System.out.printf(
				"%s serves shards %s in %s from epoch %d: copy %.1f s, cut-over %d ms,"
						+ " longest pause of a shard %d ms; %d postings purged from %s%n",
				move.taking().id(), TopologyFile.ranges(move.moving()), move.to(), result.epoch(),
				result.copy().toMillis() / 1000.0, result.cutOver().toMillis(), result.longestPause().toMillis(),
				result.purged(), move.from());
	}

}
