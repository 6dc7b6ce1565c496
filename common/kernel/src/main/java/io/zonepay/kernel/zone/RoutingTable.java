package io.zonepay.kernel.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Which RZone serves each shard at one epoch, which shard group holds it, and every
 * zone's kind, city, status and endpoints. Immutable: a new assignment is a new table
 * with a higher epoch. Look-ups by shard are array reads. The shard groups are the
 * catalog as GZone data: a live split moves shards into a new group by a new epoch (a
 * table written before the catalog was GZone data carries none, and its readers use their
 * own).
 */
public final class RoutingTable {

	private final long epoch;

	private final ZoneId[] owners;

	private final ShardGroupId @Nullable [] groups;

	private final Map<ZoneId, Zone> zones;

	private RoutingTable(long epoch, ZoneId[] owners, ShardGroupId @Nullable [] groups, Map<ZoneId, Zone> zones) {
		this.epoch = epoch;
		this.owners = owners;
		this.groups = groups;
		this.zones = zones;
	}

	/**
	 * Builds a table, checking that every shard is served by a known RZone.
	 * @param owners the serving zone of each shard, in shard order
	 */
	public static RoutingTable of(long epoch, List<ZoneId> owners, Collection<Zone> zones) {
		return of(epoch, owners, null, zones);
	}

	/**
	 * Builds a table with the shard group of every shard, checking that every shard is
	 * served by a known RZone.
	 * @param owners the serving zone of each shard, in shard order
	 * @param groups the shard group of each shard, in shard order; {@code null} for a
	 * table without the catalog
	 */
	public static RoutingTable of(long epoch, List<ZoneId> owners, @Nullable List<ShardGroupId> groups,
			Collection<Zone> zones) {
		if (epoch < 1) {
			throw new IllegalArgumentException("epochs start at 1, not " + epoch);
		}
		if (owners.size() != Shard.COUNT) {
			throw new IllegalArgumentException(
					"a routing table assigns all " + Shard.COUNT + " shards, not " + owners.size());
		}
		Map<ZoneId, Zone> byId = zones.stream().collect(Collectors.toUnmodifiableMap(Zone::id, Function.identity()));
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			ZoneId owner = owners.get(shard);
			Zone zone = byId.get(owner);
			if (zone == null || zone.kind() != ZoneKind.RZONE) {
				throw new IllegalArgumentException(
						"shard " + Shard.of(shard) + " is given to " + owner + ", which is not an RZone of this table");
			}
		}
		if (groups != null && (groups.size() != Shard.COUNT || groups.stream().anyMatch(Objects::isNull))) {
			throw new IllegalArgumentException("a routing table with shard groups names the group of all " + Shard.COUNT
					+ " shards, not " + groups.stream().filter(Objects::nonNull).count());
		}
		return new RoutingTable(epoch, owners.toArray(ZoneId[]::new),
				groups == null ? null : groups.toArray(ShardGroupId[]::new), byId);
	}

	/**
	 * The table of the next epoch: this one with some zones' statuses changed and some
	 * shards served by other RZones, in one step, so that readers never see a zone marked
	 * down whose shards have not moved yet.
	 * @param statuses the new status of each zone that changes
	 * @param moves the new serving RZone of each shard that moves
	 */
	public RoutingTable next(Map<ZoneId, ZoneStatus> statuses, Map<Shard, ZoneId> moves) {
		return next(statuses, moves, Map.of(), List.of());
	}

	/**
	 * The table of the next epoch, with zones added, some zones' statuses changed, some
	 * shards served by other RZones and some held by other shard groups, in one step: a
	 * split's cut-over moves its shards to the new zone and the new group at once.
	 * @param regroups the new shard group of each shard that changes group; only a table
	 * with the catalog has groups to change
	 * @param added zones that join the deployment (they must be new)
	 */
	public RoutingTable next(Map<ZoneId, ZoneStatus> statuses, Map<Shard, ZoneId> moves,
			Map<Shard, ShardGroupId> regroups, Collection<Zone> added) {
		if (!regroups.isEmpty() && groups == null) {
			throw new IllegalArgumentException("the table of epoch " + epoch + " carries no shard groups to change");
		}
		added.forEach(zone -> {
			if (zones.containsKey(zone.id())) {
				throw new IllegalArgumentException(
						"zone " + zone.id() + " is in the table of epoch " + epoch + " already");
			}
		});
		statuses.keySet().forEach(id -> {
			if (!zones.containsKey(id)) {
				throw new IllegalArgumentException("zone " + id + " is not in the table of epoch " + epoch);
			}
		});
		List<Zone> nextZones = zones.values()
			.stream()
			.map(zone -> zone.withStatus(statuses.getOrDefault(zone.id(), zone.status())))
			.collect(Collectors.toCollection(ArrayList::new));
		nextZones.addAll(added);
		List<ZoneId> nextOwners = new ArrayList<>(Arrays.asList(owners));
		moves.forEach((shard, zone) -> nextOwners.set(shard.value(), zone));
		List<ShardGroupId> nextGroups = groups == null ? null : new ArrayList<>(Arrays.asList(groups));
		if (nextGroups != null) {
			regroups.forEach((shard, group) -> nextGroups.set(shard.value(), group));
		}
		return of(epoch + 1, nextOwners, nextGroups, nextZones);
	}

	public long epoch() {
		return epoch;
	}

	/** The RZone that serves a shard at this epoch. */
	public ZoneId ownerOf(Shard shard) {
		return owners[shard.value()];
	}

	/**
	 * The shard group that holds a shard at this epoch; none when the table carries no
	 * catalog.
	 */
	public Optional<ShardGroupId> groupOf(Shard shard) {
		return groups == null ? Optional.empty() : Optional.of(groups[shard.value()]);
	}

	/** Whether the table carries the shard group of every shard. */
	public boolean hasGroups() {
		return groups != null;
	}

	/**
	 * The shard group of every shard, keyed by the two-digit shard; empty when the table
	 * carries no catalog.
	 */
	public SortedMap<String, ShardGroupId> groupAssignments() {
		SortedMap<String, ShardGroupId> assignments = new TreeMap<>();
		if (groups != null) {
			for (int shard = 0; shard < Shard.COUNT; shard++) {
				assignments.put(Shard.of(shard).toString(), groups[shard]);
			}
		}
		return assignments;
	}

	public Zone ownerZoneOf(Shard shard) {
		return zones.get(owners[shard.value()]);
	}

	public Optional<Zone> zone(ZoneId id) {
		return Optional.ofNullable(zones.get(id));
	}

	public Collection<Zone> zones() {
		return zones.values();
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

	/**
	 * The serving zone of every shard, keyed by the two-digit shard, as the routing API
	 * shows it.
	 */
	public SortedMap<String, ZoneId> assignments() {
		SortedMap<String, ZoneId> assignments = new TreeMap<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			assignments.put(Shard.of(shard).toString(), owners[shard]);
		}
		return assignments;
	}

	/**
	 * The GZone that writes: the one marked UP. A GZone's status says whether it is the
	 * writer: its standby starts DOWN, and a promoted standby marks itself UP and the
	 * writer it replaced DOWN, in one table.
	 */
	public Optional<Zone> gzone() {
		return gzones().stream().findFirst();
	}

	/**
	 * The GZone and its standby, the writer first: where writes go, and where a copy that
	 * reaches no CZone reads.
	 */
	public List<Zone> gzones() {
		return zones.values()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.GZONE)
			.sorted(Comparator.comparing((Zone zone) -> zone.status() != ZoneStatus.UP)
				.thenComparing(zone -> zone.id().value()))
			.toList();
	}

	public Optional<Zone> czoneOf(CityId city) {
		return zones.values()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.CZONE && zone.city().equals(city))
			.findFirst();
	}

	@Override
	public String toString() {
		return "RoutingTable[epoch=" + epoch + ", zones=" + zones.keySet() + "]";
	}

}
