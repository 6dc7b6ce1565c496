package io.zonepay.platform;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.platform.split.LiveSplit;

/**
 * Adds a cell to the running platform or takes one away, with its data: the new zone's
 * databases, its place in the routing table and its process, then the live split
 * ({@link LiveSplit}); or the merge back, then the cell's process stopped. The run's
 * topology file is rewritten so that every later command ({@code books}, {@code kill},
 * the drills) sees the platform as it is.
 */
final class CellChange {

	/** How long a leaving cell's relay has to publish what its outbox still holds. */
	private static final Duration OUTBOX_DRAIN = Duration.ofSeconds(30);

	/** The supervisor marks a zone UP after two checks pass; a few seconds once ready. */
	private static final Duration UP_BOUND = Duration.ofSeconds(90);

	private final Installation installation;

	private final RunDirectory run;

	private final PlatformApi api;

	private final URI admin;

	private final String adminToken;

	private final PrintStream out;

	CellChange(Installation installation, RunDirectory run, PlatformApi api, URI admin, String adminToken,
			PrintStream out) {
		this.installation = installation;
		this.run = run;
		this.api = api;
		this.admin = admin;
		this.adminToken = adminToken;
		this.out = out;
	}

	/**
	 * The new zone's databases, its entry in the routing table (up, serving nothing yet)
	 * and its process, ready: what has to be there before shards can move to it.
	 */
	void join(CellPlans.Move addition) throws Exception {
		LocalInfrastructure infrastructure = run.settings().infrastructure();
		Topology.ZoneSpec joining = addition.taking();
		try (Connection db = connect(infrastructure, "postgres"); Statement sql = db.createStatement()) {
			for (String service : ServiceArguments.rzoneServices()) {
				String database = ServiceArguments.database(joining, service);
				try (ResultSet exists = sql
					.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
					if (!exists.next()) {
						sql.execute("create database " + database);
					}
				}
			}
		}
		// The new cell's process reads its settings from the run's topology.
		writeTopology(addition.after());
		api.expect(200,
				PlatformApi.post(admin, "/admin/routing/zones", adminToken, null, Map.of("zoneId", joining.id().value(),
						"city", joining.city().value(), "endpoints", joining.endpoints())),
				"adding " + joining.id() + " to the routing table");
		if (!ProcessControl.running(installation, joining.id().value())) {
			new ProcessControl(installation, joining.id().value()).start(ProcessControl.READY_BOUND);
		}
		awaitUp(joining.id().value());
	}

	/**
	 * Shards move only to a zone the GZone sees UP: its supervisor marks a zone it has
	 * seen before (a cell that joins again) down until it answers its checks.
	 */
	private void awaitUp(String zone) throws InterruptedException {
		long until = System.nanoTime() + UP_BOUND.toNanos();
		while (api.zones(admin, adminToken).stream().noneMatch(state -> state.zoneId().equals(zone) && state.up())) {
			if (System.nanoTime() - until >= 0) {
				throw new IllegalStateException(
						zone + " runs but the GZone did not see it UP within " + UP_BOUND.toSeconds() + " s");
			}
			Thread.sleep(250);
		}
	}

	/**
	 * Moves the shards, live. The run's topology says the moved layout from the start (a
	 * new cell's process needs it); a move that fails puts the layout before it back,
	 * unless it failed at or after the cut-over.
	 */
	LiveSplit.Result move(CellPlans.Move move) throws Exception {
		LocalInfrastructure infrastructure = run.settings().infrastructure();
		Map<String, LiveSplit.Databases> databases = new LinkedHashMap<>();
		for (String service : ServiceArguments.rzoneServices()) {
			databases.put(service,
					new LiveSplit.Databases(infrastructure.jdbcUrl(ServiceArguments.database(move.giving(), service)),
							infrastructure.jdbcUrl(ServiceArguments.database(move.taking(), service))));
		}
		String name = "split_" + move.from() + "_" + move.to();
		LiveSplit.Plan plan = new LiveSplit.Plan(name, move.moving(), move.staying(), move.from(), move.to(),
				move.giving().id().value(), move.taking().id().value(), databases);
		LiveSplit split = new LiveSplit(plan, credentials(infrastructure),
				() -> api.expect(200,
						PlatformApi.post(admin, "/admin/routing/moves", adminToken, null,
								Map.of("shards", move.moving().shards().stream().map(Shard::value).toList(), "toZone",
										move.taking().id().value(), "toGroup", move.to().value())),
						"cutting " + move.describe() + " over")
					.field("epoch")
					.transform(Long::parseLong),
				out);
		writeTopology(move.after());
		try {
			return split.run();
		}
		catch (Exception ex) {
			if (!split.cutOverAsked()) {
				writeTopology(move.before());
			}
			throw ex;
		}
	}

	/**
	 * After a merge: the leaving cell's relay publishes what its outbox holds, then its
	 * process stops, and the routing table and the topology forget it.
	 */
	void leave(CellPlans.Move removal) throws Exception {
		LocalInfrastructure infrastructure = run.settings().infrastructure();
		String outbox = infrastructure.jdbcUrl(ServiceArguments.database(removal.giving(), "payment"));
		long until = System.nanoTime() + OUTBOX_DRAIN.toNanos();
		while (waitingEvents(infrastructure, outbox) > 0) {
			if (System.nanoTime() - until >= 0) {
				throw new IllegalStateException(removal.giving().id() + "'s outbox still holds events after "
						+ OUTBOX_DRAIN.toSeconds() + " s; it keeps running until they are published");
			}
			Thread.sleep(100);
		}
		new ProcessControl(installation, removal.giving().id().value()).kill();
		api.expect(200, PlatformApi.delete(admin, "/admin/routing/zones/" + removal.giving().id(), adminToken),
				"taking " + removal.giving().id() + " out of the routing table");
		writeTopology(removal.after());
	}

	private long waitingEvents(LocalInfrastructure infrastructure, String database) throws SQLException {
		try (Connection db = DriverManager.getConnection(database, credentials(infrastructure));
				Statement sql = db.createStatement()) {
			long waiting = 0;
			for (String table : java.util.List.of("outbox", "shadow.outbox")) {
				try (ResultSet present = sql.executeQuery("select to_regclass('" + table + "') is not null")) {
					present.next();
					if (!present.getBoolean(1)) {
						continue;
					}
				}
				try (ResultSet count = sql.executeQuery("select count(*) from " + table)) {
					count.next();
					waiting += count.getLong(1);
				}
			}
			return waiting;
		}
	}

	/** The routing table as the GZone has it now. */
	RoutingSnapshot routing() throws InterruptedException {
		return api.routing(admin, adminToken);
	}

	private void writeTopology(Topology topology) {
		RunDirectory.Settings settings = run.settings();
		Path file = run.path().resolve("topology-" + System.currentTimeMillis() + ".yml");
		TopologyFile.write(topology, file);
		run.writeSettings(new RunDirectory.Settings(file, settings.infrastructure()));
	}

	private static Connection connect(LocalInfrastructure infrastructure, String database) throws SQLException {
		return DriverManager.getConnection(infrastructure.jdbcUrl(database), credentials(infrastructure));
	}

	static Properties credentials(LocalInfrastructure infrastructure) {
		Properties credentials = new Properties();
		credentials.setProperty("user", infrastructure.postgresUser());
		credentials.setProperty("password", "");
		return credentials;
	}

}
