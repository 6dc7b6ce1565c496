package io.zonepay.platform;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.platform.split.LiveSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./zonepay zone ...}: cells join the running platform. */
@Command(name = "zone", description = "Adds a cell (an RZone) to the running platform (see 'zone add').")
final class ZoneCommand {

	/**
	 * {@code ./zonepay zone add rz5 --city sh --shards 13-24}: a new RZone with a new
	 * shard group, and a live split that moves the shards into it ({@link ZoneAddition}).
	 */
	@Command(name = "add",
			description = { "Adds an RZone with its own shard group and moves shards into it, live: creates its",
					"databases, starts its process, copies the shards' rows, cuts over, purges the old copies." })
	static final class Add implements ZonePayCommand {

		private final Installation installation;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ZONE", description = "the new RZone's id, such as rz5")
		String zone = "";

		@Option(names = "--city", required = true, description = "the city it runs in (hz, sh)")
		String city = "";

		@Option(names = "--shards", required = true,
				description = "the shards it takes, such as 13-24: all served by one zone in one group today")
		String shards = "";

		@Option(names = "--group", description = "the new shard group's id (default: sg and the zone's number)")
		String group = "";

		Add(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			RunDirectory run = RunDirectory.current(installation.stateDirectory())
				.orElseThrow(() -> new IllegalStateException("ZonePay is not running; ./zonepay up first"));
			ZoneAddition addition = ZonePayCommand.refusing(spec,
					() -> ZoneAddition.plan(TopologyFile.read(run.settings().topologyFile()), ZoneId.of(zone),
							CityId.of(city), ShardSet.of(shards), group.isBlank() ? null : ShardGroupId.of(group)));
			return () -> new ZoneAdditionRun(installation, run, addition).run();
		}

	}

	/**
	 * What a zone addition changes in the topology: the new zone, its group and ports,
	 * and the zone that gives the shards up.
	 */
	record ZoneAddition(Topology before, Topology after, Topology.ZoneSpec joining, Topology.ZoneSpec giving,
			ShardSet moving) {

		static ZoneAddition plan(Topology topology, ZoneId id, CityId city, ShardSet moving,
				ShardGroupId requestedGroup) {
			if (topology.zone(id).isPresent()) {
				throw new IllegalArgumentException("there is a zone " + id + " already");
			}
			if (topology.cities().stream().noneMatch(known -> known.id().equals(city))) {
				throw new IllegalArgumentException("no city " + city + " in the topology");
			}
			List<Topology.ZoneSpec> givers = topology.rzones()
				.stream()
				.filter(zone -> moving.shards().stream().anyMatch(Objects.requireNonNull(zone.shards())::contains))
				.toList();
			if (givers.size() != 1) {
				throw new IllegalArgumentException("shards " + TopologyFile.ranges(moving)
						+ " are served by more than one zone; a split takes shards of one zone and group");
			}
			Topology.ZoneSpec giving = givers.getFirst();
			List<Shard> staying = Objects.requireNonNull(giving.shards())
				.shards()
				.stream()
				.filter(shard -> !moving.contains(shard))
				.toList();
			if (staying.isEmpty()) {
				throw new IllegalArgumentException(
						giving.id() + " would keep no shard; a split leaves it at least one");
			}
			ShardGroupId group = requestedGroup != null ? requestedGroup
					: ShardGroupId.of("sg" + id.value().replaceAll("\\D", ""));
			if (topology.rzones().stream().anyMatch(zone -> group.equals(zone.shardGroup()))) {
				throw new IllegalArgumentException("there is a shard group " + group + " already");
			}
			int base = topology.rzones()
				.stream()
				.flatMap(zone -> zone.endpoints().values().stream())
				.mapToInt(URI::getPort)
				.max()
				.orElse(9100) / 10 * 10 + 10;
			Map<String, URI> endpoints = new LinkedHashMap<>();
			List<String> services = ServiceArguments.rzoneServices();
			for (int i = 0; i < services.size(); i++) {
				endpoints.put(services.get(i), URI.create("http://localhost:" + (base + i + 1)));
			}
			Topology.ZoneSpec joining = new Topology.ZoneSpec(id, ZoneKind.RZONE, city, moving, group, null, endpoints);
			List<Topology.ZoneSpec> zones = new ArrayList<>();
			for (Topology.ZoneSpec zone : topology.zones()) {
				zones.add(zone.id().equals(giving.id()) ? new Topology.ZoneSpec(zone.id(), zone.kind(), zone.city(),
						new ShardSet(staying), zone.shardGroup(), zone.standby(), zone.endpoints()) : zone);
			}
			zones.add(joining);
			return new ZoneAddition(topology, new Topology(topology.cities(), zones), joining, giving, moving);
		}

		ShardGroupId from() {
			return Objects.requireNonNull(giving.shardGroup());
		}

		ShardGroupId to() {
			return Objects.requireNonNull(joining.shardGroup());
		}

		Shard staying() {
			return Objects.requireNonNull(after.zone(giving.id()).orElseThrow().shards()).shards().getFirst();
		}

	}

	/** A zone addition carried out on the running platform. */
	static final class ZoneAdditionRun {

		private final Installation installation;

		private final RunDirectory run;

		private final ZoneAddition addition;

		private final PlatformApi api = new PlatformApi();

		ZoneAdditionRun(Installation installation, RunDirectory run, ZoneAddition addition) {
			this.installation = installation;
			this.run = run;
			this.addition = addition;
		}

		int run() throws Exception {
			RunDirectory.Settings settings = run.settings();
			LocalInfrastructure infrastructure = settings.infrastructure();
			String zone = addition.joining().id().value();
			URI admin = new KnownZones(addition.before(), settings.topologyFile()).gateways()
				.values()
				.iterator()
				.next();
			String token = api.token(admin, "1", "admin");
			System.out.printf("Adding %s in %s with shard group %s: shards %s from %s (%s)%n", zone,
					addition.joining().city(), addition.to(), TopologyFile.ranges(addition.moving()),
					addition.giving().id(), addition.from());
			createDatabases(infrastructure);
			Path topologyFile = run.path().resolve("topology-" + zone + ".yml");
			TopologyFile.write(addition.after(), topologyFile);
			run.writeSettings(new RunDirectory.Settings(topologyFile, infrastructure));
			api.expect(200,
					PlatformApi.post(admin, "/admin/routing/zones", token, null, Map.of("zoneId", zone, "city",
							addition.joining().city().value(), "endpoints", addition.joining().endpoints())),
					"adding " + zone + " to the routing table");
			new ProcessControl(installation, zone).start(ProcessControl.READY_BOUND);
			LiveSplit.Result result = new LiveSplit(plan(infrastructure), credentials(infrastructure),
					() -> api.expect(200,
							PlatformApi.post(admin, "/admin/routing/moves", token, null,
									Map.of("shards", addition.moving().shards().stream().map(Shard::value).toList(),
											"toZone", zone, "toGroup", addition.to().value())),
							"cutting shards over to " + zone)
						.field("epoch")
						.transform(Long::parseLong),
					System.out)
				.run();
			System.out.printf(
					"%s serves shards %s in %s from epoch %d: copy %.1f s, cut-over %d ms,"
							+ " longest pause of a shard %d ms; %d postings purged from %s%n",
					zone, TopologyFile.ranges(addition.moving()), addition.to(), result.epoch(),
					result.copy().toMillis() / 1000.0, result.cutOver().toMillis(), result.longestPause().toMillis(),
					result.purged(), addition.from());
			return 0;
		}

		private LiveSplit.Plan plan(LocalInfrastructure infrastructure) {
			Map<String, LiveSplit.Databases> databases = new LinkedHashMap<>();
			for (String service : ServiceArguments.rzoneServices()) {
				databases.put(service,
						new LiveSplit.Databases(
								infrastructure.jdbcUrl(ServiceArguments.database(addition.giving(), service)),
								infrastructure.jdbcUrl(ServiceArguments.database(addition.joining(), service))));
			}
			return new LiveSplit.Plan("split_" + addition.to(), addition.moving(), addition.staying(), addition.from(),
					addition.to(), addition.giving().id().value(), addition.joining().id().value(), databases);
		}

		private void createDatabases(LocalInfrastructure infrastructure) throws SQLException {
			try (Connection db = DriverManager.getConnection(infrastructure.jdbcUrl("postgres"),
					credentials(infrastructure)); Statement sql = db.createStatement()) {
				for (String service : ServiceArguments.rzoneServices()) {
					sql.execute("create database " + ServiceArguments.database(addition.joining(), service));
				}
			}
		}

		private static Properties credentials(LocalInfrastructure infrastructure) {
			Properties credentials = new Properties();
			credentials.setProperty("user", infrastructure.postgresUser());
			credentials.setProperty("password", "");
			return credentials;
		}

	}

}
