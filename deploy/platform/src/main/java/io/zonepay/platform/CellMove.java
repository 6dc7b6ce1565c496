package io.zonepay.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.platform.split.LiveSplit;
import org.jspecify.annotations.Nullable;

/**
 * {@code drill split} and {@code drill merge}: a cell joins (its process started before
 * the load) and shards move into it live, or a cell's shards merge back and it leaves,
 * under the drill's load. No request may fail; the pause of each shard is measured; and
 * afterwards every moved user of the drill reads their whole ledger through the API from
 * the group that has them now.
 */
final class CellMove implements Disruption {

	private final CellPlans.Move move;

	private final boolean joins;

	private final CellChange change;

	private final PlatformApi api;

	private final Population population;

	private final LocalInfrastructure infrastructure;

	private LiveSplit.@Nullable Result result;

	private final List<String> histories = new ArrayList<>();

	private boolean routed;

	private boolean historiesRead;

	/**
	 * @param joins a split into a new cell (its process is started in {@link #prepare});
	 * otherwise a merge, after which the giving cell leaves
	 */
	CellMove(CellPlans.Move move, boolean joins, CellChange change, PlatformApi api, Population population,
			LocalInfrastructure infrastructure) {
		this.move = move;
		this.joins = joins;
		this.change = change;
		this.api = api;
		this.population = population;
		this.infrastructure = infrastructure;
	}

	@Override
	public String zone() {
		return move.giving().id().value();
	}

	@Override
	public boolean movesShards() {
		return false;
	}

	@Override
	public void prepare() throws Exception {
		if (joins) {
			System.out.printf("Starting %s for the split (its databases, its place in the routing table) ...%n",
					move.taking().id());
			change.join(move);
		}
	}

	@Override
	public String apply() throws InterruptedException {
		try {
			result = change.move(move);
			if (!joins) {
				change.leave(move);
			}
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("the " + (joins ? "split" : "merge") + " failed: " + ex.getMessage(), ex);
		}
		return (joins ? "split " : "merge ") + move.describe() + " at epoch " + result.epoch()
				+ (joins ? "" : "; " + zone() + " stopped");
	}

	@Override
	public List<String> figures(Duration disruptedAt) throws InterruptedException {
		if (result == null) {
			return List.of();
		}
		List<String> figures = new ArrayList<>();
		figures.add("copy and catch-up before the cut-over: %.1f s".formatted(result.copy().toMillis() / 1000.0));
		figures.add("cut-over, from the flip to the new owner holding every lease: %d ms (%s)"
			.formatted(result.cutOver().toMillis(), String.join(", ", result.steps())));
		figures.add("pause of each shard (flip to lease taken): "
				+ result.pauses()
					.entrySet()
					.stream()
					.map(pause -> pause.getKey() + " " + pause.getValue().toMillis() + " ms")
					.collect(Collectors.joining(", "))
				+ "; longest " + result.longestPause().toMillis() + " ms (goal: at most 1000 ms)");
		figures.add("moved rows purged from " + move.from() + ": " + result.purged() + " postings with their entries,"
				+ " and the shards' users, accounts, orders, payments, refunds, transfers, risk features and decisions,"
				+ " and keys");
		figures.add(routing());
		figures.add(histories());
		return figures;
	}

	/**
	 * Holds when every moved user of the drill read their whole ledger after the move.
	 */
	@Override
	public boolean figuresHold() {
		return routed && historiesRead && histories.isEmpty();
	}

	/**
	 * The GZone's routing table after the move: every moved shard on the zone that took
	 * it.
	 */
	private String routing() throws InterruptedException {
		RoutingSnapshot table = change.routing();
		List<Integer> elsewhere = move.moving()
			.shards()
			.stream()
			.map(Shard::value)
			.filter(shard -> !move.taking().id().value().equals(table.owners().get(shard)))
			.toList();
		routed = elsewhere.isEmpty();
		return routed
				? "GET /admin/routing at epoch %d: shards %s on %s".formatted(table.epoch(),
						TopologyFile.ranges(move.moving()), move.taking().id())
				: "GET /admin/routing at epoch %d: shards %s are not on %s".formatted(table.epoch(), elsewhere,
						move.taking().id());
	}

	/**
	 * Every drill user of a moved shard reads their ledger through their gateway: as many
	 * entries as their account has in the group that holds them now.
	 */
	private String histories() throws InterruptedException {
		List<DrillUser> moved = population.users()
			.stream()
			.filter(user -> move.moving().contains(Shard.of(user.shard())))
			.toList();
		String database = infrastructure.jdbcUrl(ServiceArguments.database(move.taking(), "account"));
		int entries = 0;
		for (DrillUser user : moved) {
			Answer answer = api
				.send(PlatformApi.get(user.gateway(), "/api/users/" + user.id() + "/ledger?limit=200", user.token()));
			long stored = storedEntries(database, user.id());
			int read = answer.status() == 200 && answer.body() != null ? answer.body().get("entries").size() : -1;
			entries += Math.max(read, 0);
			if (read != Math.min(stored, 200)) {
				histories.add(user.id() + " read " + (read < 0 ? answer.label() : read + " entries") + ", " + move.to()
						+ " holds " + stored);
			}
		}
		historiesRead = true;
		return histories.isEmpty()
				? "%d moved users of the drill read their ledgers from %s: %d entries, each user's all"
					.formatted(moved.size(), move.to(), entries)
				: "moved users whose ledger did not read whole: " + String.join("; ", histories);
	}

	private long storedEntries(String database, String userId) {
		try (Connection db = DriverManager.getConnection(database, CellChange.credentials(infrastructure));
				PreparedStatement query = db.prepareStatement("select count(*) from entries e join accounts a"
						+ " on a.id = e.account_id where a.kind = 'USER' and a.owner_id = ?")) {
			query.setLong(1, Long.parseLong(userId));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot count the entries of " + userId + " in " + database, ex);
		}
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		if (!joins) {
			return "nothing to put back: " + zone() + " left, as the drill asked";
		}
		CellPlans.Move back = CellPlans.removal(move.after(), move.taking().id(), move.giving().id());
		try {
			LiveSplit.Result merged = change.move(back);
			change.leave(back);
			return "merged " + back.describe() + " at epoch " + merged.epoch() + ", longest pause "
					+ merged.longestPause().toMillis() + " ms; " + back.giving().id() + " stopped";
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("the merge back failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return joins ? "./zonepay zone remove " + move.taking().id() + " --into " + move.giving().id()
				: "./zonepay zone add " + zone() + " --city " + move.giving().city() + " --shards "
						+ TopologyFile.ranges(move.moving());
	}

}
