package io.zonepay.config.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.zonepay.config.ConfigProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;

/**
 * A routing change being planned on one table: statuses and shard owners as they will be,
 * so that each step of a plan (mark a zone down, then pick who takes its shards) sees the
 * steps before it. Becomes one table of the next epoch.
 */
public final class RoutingPlan {

	private final RoutingTable base;

	private final Map<ZoneId, ZoneStatus> statuses = new LinkedHashMap<>();

	private final ZoneId[] owners = new ZoneId[Shard.COUNT];

	private final Map<Shard, ShardGroupId> regroups = new TreeMap<>();

	private final List<Zone> added = new ArrayList<>();

	private final List<ZoneId> removed = new ArrayList<>();

	private RoutingPlan(RoutingTable base) {
		this.base = base;
		base.zones().forEach(zone -> statuses.put(zone.id(), zone.status()));
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners[shard] = base.ownerOf(Shard.of(shard));
		}
	}

	public static RoutingPlan of(RoutingTable base) {
		return new RoutingPlan(base);
	}

	/** The table the plan starts from. */
	public RoutingTable base() {
		return base;
	}

	public Optional<Zone> zone(ZoneId id) {
		return base.zone(id)
			.map(zone -> zone.withStatus(statuses.get(id)))
			.or(() -> added.stream().filter(zone -> zone.id().equals(id)).findFirst());
	}

	/** The RZones as planned, by id. */
	public List<Zone> rzones() {
		return java.util.stream.Stream
			.concat(base.zones().stream().map(zone -> zone.withStatus(statuses.get(zone.id()))), added.stream())
			.filter(zone -> zone.kind() == ZoneKind.RZONE)
			.sorted(Comparator.comparing(zone -> zone.id().value()))
			.toList();
	}

	public List<Shard> shardsOf(ZoneId zone) {
		List<Shard> shards = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			if (owners[shard].equals(zone)) {
				shards.add(Shard.of(shard));
			}
		}
		return shards;
	}

	public void mark(ZoneId zone, ZoneStatus status) {
		if (!statuses.containsKey(zone)) {
			throw new IllegalArgumentException("zone " + zone + " is not in the table of epoch " + base.epoch());
		}
		statuses.put(zone, status);
	}

	/** Gives shards to an RZone; shards it serves already stay as they are. */
	public void move(Collection<Shard> shards, ZoneId to) {
		shards.forEach(shard -> owners[shard.value()] = to);
	}

	/**
	 * Places shards in another shard group: a live split's cut-over, once the group's
	 * database has their rows.
	 * @throws ProblemException {@code INVALID_MOVE} when the table carries no catalog
	 */
	public void regroup(Collection<Shard> shards, ShardGroupId group) {
		if (!base.hasGroups()) {
			throw invalidMove("the routing table of epoch " + base.epoch() + " carries no shard groups to change");
		}
		shards.stream()
			.filter(shard -> !base.groupOf(shard).orElseThrow().equals(group))
			.forEach(shard -> regroups.put(shard, group));
	}

	/**
	 * Adds an RZone to the deployment, up and serving no shard yet: shards come to it by
	 * a move (a split's cut-over). A cell that left ({@link #remove}) may join again.
	 * @throws ProblemException {@code INVALID_MOVE} when a zone of that id exists
	 */
	public void add(Zone zone) {
		if (zone.kind() != ZoneKind.RZONE) {
			throw invalidMove("only an RZone joins at run time, not a " + zone.kind());
		}
		if (zone(zone.id()).isPresent()) {
			throw invalidMove("there is a zone " + zone.id() + " already");
		}
		added.add(zone.withStatus(ZoneStatus.UP));
	}

	/**
	 * The RZone an operator names to take shards, which must be up.
	 * @throws ProblemException {@code INVALID_MOVE} when there is no such zone, it is not
	 * an RZone, or it is down
	 */
	public Zone requireUpRzone(ZoneId id) {
		Zone zone = zone(id).orElseThrow(() -> invalidMove("there is no zone " + id + " to move shards to"));
		if (zone.kind() != ZoneKind.RZONE) {
			throw invalidMove(id + " is a " + zone.kind() + "; only an RZone serves shards");
		}
		if (zone.status() != ZoneStatus.UP) {
			throw invalidMove(id + " is " + zone.status() + "; shards move only to an RZone that is UP");
		}
		return zone;
	}

	/**
	 * Takes an RZone out of the deployment: a cell whose shards merged back into another
	 * group, serving nothing.
	 * @throws ProblemException {@code ZONE_NOT_FOUND} when there is no such zone,
	 * {@code INVALID_MOVE} when it is not an RZone or still serves shards
	 */
	public void remove(ZoneId id) {
		Zone zone = zone(id).orElseThrow(() -> new ProblemException(ConfigProblem.ZONE_NOT_FOUND,
				"there is no zone " + id + " in the table of epoch " + base.epoch()));
		if (zone.kind() != ZoneKind.RZONE) {
			throw invalidMove(id + " is a " + zone.kind() + "; only a cell (an RZone) leaves at run time");
		}
		if (!shardsOf(id).isEmpty()) {
			throw invalidMove(id + " still serves shards " + shardsOf(id) + "; move them first");
		}
		added.removeIf(joining -> joining.id().equals(id));
		removed.add(id);
	}

	/** Whether the plan changes any status or owner of its base table. */
	public boolean changes() {
		return !statusChanges().isEmpty() || !moves().isEmpty() || !regroups.isEmpty() || !added.isEmpty()
				|| !removed.isEmpty();
	}

	/** The table of the next epoch, or the base table when the plan changes nothing. */
	public RoutingTable table() {
		if (!changes()) {
			return base;
		}
		RoutingTable next = base.next(statusChanges(), moves(), regroups, added);
		if (removed.isEmpty()) {
			return next;
		}
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(next.ownerOf(Shard.of(shard)));
		}
		List<ShardGroupId> groups = next.hasGroups() ? List.copyOf(next.groupAssignments().values()) : null;
		return RoutingTable.of(next.epoch(), owners, groups,
				next.zones().stream().filter(zone -> !removed.contains(zone.id())).toList());
	}

	/** What the plan changes, for the log: {@code rz1 DOWN; 25 shards to rz2}. */
	public String summary() {
		List<String> parts = new ArrayList<>();
		added.forEach(zone -> parts.add(zone.id() + " joins in " + zone.city()));
		removed.forEach(zone -> parts.add(zone + " leaves"));
		statusChanges().forEach((zone, status) -> parts.add(zone + " " + status));
		Map<ZoneId, Integer> gained = new TreeMap<>(Comparator.comparing(ZoneId::value));
		moves().values().forEach(zone -> gained.merge(zone, 1, Integer::sum));
		gained.forEach((zone, count) -> parts.add(count + (count == 1 ? " shard" : " shards") + " to " + zone));
		Map<ShardGroupId, Integer> regrouped = new TreeMap<>(Comparator.comparing(ShardGroupId::value));
		regroups.values().forEach(group -> regrouped.merge(group, 1, Integer::sum));
		regrouped.forEach((group, count) -> parts
			.add(count + (count == 1 ? " shard" : " shards") + " into shard group " + group));
		return parts.isEmpty() ? "no change" : String.join("; ", parts);
	}

	private Map<ZoneId, ZoneStatus> statusChanges() {
		Map<ZoneId, ZoneStatus> changed = new LinkedHashMap<>();
		base.zones()
			.stream()
			.filter(zone -> zone.status() != statuses.get(zone.id()))
			.forEach(zone -> changed.put(zone.id(), statuses.get(zone.id())));
		return changed;
	}

	private Map<Shard, ZoneId> moves() {
		Map<Shard, ZoneId> moves = new TreeMap<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			if (!owners[shard].equals(base.ownerOf(Shard.of(shard)))) {
				moves.put(Shard.of(shard), owners[shard]);
			}
		}
		return moves;
	}

	static ProblemException invalidMove(String detail) {
		return new ProblemException(ConfigProblem.INVALID_MOVE, detail);
	}

}
