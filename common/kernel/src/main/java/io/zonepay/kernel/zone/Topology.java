package io.zonepay.kernel.zone;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The zones of one deployment as an operator declares them in a topology file: cities,
 * RZones with their shards and shard groups, the GZone and the CZones. The first routing
 * table is derived from it; later tables are GZone data.
 */
public record Topology(List<City> cities, List<ZoneSpec> zones) {

	public Topology {
		cities = List.copyOf(cities);
		zones = List.copyOf(zones);
		validate(cities, zones);
	}

	/**
	 * The routing table at epoch 1: every RZone serves the shards it is declared with, in
	 * its shard group, every zone is up but the GZone's standby, which is not the writer
	 * (see {@link RoutingTable#gzone()}).
	 */
	public RoutingTable initialRoutingTable() {
		ZoneId[] owners = new ZoneId[Shard.COUNT];
		ShardGroupId[] groups = new ShardGroupId[Shard.COUNT];
		for (ZoneSpec zone : rzones()) {
			zone.shardSet().shards().forEach(shard -> {
				owners[shard.value()] = zone.id();
				groups[shard.value()] = Objects.requireNonNull(zone.shardGroup());
			});
		}
		Optional<ZoneId> standby = gzoneStandby().map(ZoneSpec::id);
		return RoutingTable.of(1, Arrays.asList(owners), Arrays.asList(groups), zones.stream()
			.map(ZoneSpec::toZone)
			.map(zone -> standby.filter(zone.id()::equals).isPresent() ? zone.withStatus(ZoneStatus.DOWN) : zone)
			.toList());
	}

	/** The GZone that writes at epoch 1. */
	public ZoneSpec gzone() {
		return zones.stream()
			.filter(zone -> zone.kind() == ZoneKind.GZONE && zones.stream()
				.noneMatch(other -> other.kind() == ZoneKind.GZONE && zone.id().equals(other.standby())))
			.findFirst()
			.orElseThrow();
	}

	/** The GZone's standby, if the topology has one. */
	public Optional<ZoneSpec> gzoneStandby() {
		ZoneId standby = gzone().standby();
		return standby == null ? Optional.empty() : zone(standby);
	}

	public List<ZoneSpec> rzones() {
		return zones.stream().filter(zone -> zone.kind() == ZoneKind.RZONE).toList();
	}

	public Optional<ZoneSpec> zone(ZoneId id) {
		return zones.stream().filter(zone -> zone.id().equals(id)).findFirst();
	}

	private static void validate(List<City> cities, List<ZoneSpec> zones) {
		Set<CityId> cityIds = new HashSet<>();
		cities.forEach(city -> require(cityIds.add(city.id()), "city " + city.id() + " is declared twice"));
		require(!cities.isEmpty(), "a topology declares at least one city");
		Set<ZoneId> zoneIds = new HashSet<>();
		Set<CityId> citiesWithCzone = new HashSet<>();
		int[] servedBy = new int[Shard.COUNT];
		for (ZoneSpec zone : zones) {
			require(zoneIds.add(zone.id()), "zone " + zone.id() + " is declared twice");
			require(cityIds.contains(zone.city()), "zone " + zone.id() + " is in undeclared city " + zone.city());
			if (zone.kind() == ZoneKind.CZONE) {
				require(citiesWithCzone.add(zone.city()), "city " + zone.city() + " has more than one CZone");
			}
			if (zone.kind() == ZoneKind.RZONE) {
				zone.shardSet().shards().forEach(shard -> servedBy[shard.value()]++);
			}
		}
		Set<ZoneId> standbys = new HashSet<>();
		zones.stream()
			.filter(zone -> zone.kind() == ZoneKind.GZONE)
			.map(ZoneSpec::standby)
			.filter(Objects::nonNull)
			.forEach(standbys::add);
		require(zones.stream()
			.filter(zone -> zone.kind() == ZoneKind.GZONE && !standbys.contains(zone.id()))
			.count() == 1, "a topology has exactly one GZone (and at most a standby of it)");
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			require(servedBy[shard] == 1, "shard " + Shard.of(shard) + " is declared by " + servedBy[shard]
					+ " RZones; every shard needs exactly one");
		}
		for (ZoneSpec zone : zones) {
			if (zone.standby() != null && zone.kind() == ZoneKind.GZONE) {
				// Disaster recovery: a standby in the writer's own city would go down
				// with it.
				require(zones.stream()
					.anyMatch(other -> other.id().equals(zone.standby()) && other.kind() == ZoneKind.GZONE
							&& !other.city().equals(zone.city()) && other.standby() == null),
						"the standby of GZone " + zone.id() + " must be another GZone in another city, not "
								+ zone.standby());
			}
			else if (zone.standby() != null) {
				require(zone.kind() == ZoneKind.RZONE && !zone.standby().equals(zone.id())
						&& zones.stream()
							.anyMatch(other -> other.id().equals(zone.standby()) && other.kind() == ZoneKind.RZONE),
						"the standby of " + zone.id() + " must be another RZone, not " + zone.standby());
			}
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("invalid topology: " + message);
		}
	}

	/**
	 * A city and where its gateway listens.
	 */
	public record City(CityId id, @Nullable URI gateway) {

		public City {
			Objects.requireNonNull(id, "a city needs an id");
		}
	}

	/**
	 * One zone of the topology.
	 *
	 * @param shards the shards an RZone serves at epoch 1; none for other kinds
	 * @param shardGroup the database that holds an RZone's shards
	 * @param standby the RZone that takes this zone's shards when it fails; of the GZone,
	 * its standby GZone
	 * @param endpoints base URL of each service of the zone, by service name
	 */
	public record ZoneSpec(ZoneId id, ZoneKind kind, CityId city, @Nullable ShardSet shards,
			@Nullable ShardGroupId shardGroup, @Nullable ZoneId standby, @Nullable Map<String, URI> endpoints) {

		public ZoneSpec {
			Objects.requireNonNull(id, "a zone needs an id");
			Objects.requireNonNull(kind, () -> "zone " + id + " needs a kind");
			Objects.requireNonNull(city, () -> "zone " + id + " needs a city");
			endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
			if (kind == ZoneKind.RZONE) {
				require(shards != null && !shards.shards().isEmpty(), "RZone " + id + " declares no shards");
				require(shardGroup != null, "RZone " + id + " declares no shard group");
			}
			else {
				require(shards == null && shardGroup == null, zone(id, kind) + " cannot serve shards");
			}
		}

		private static String zone(ZoneId id, ZoneKind kind) {
			return kind + " " + id;
		}

		ShardSet shardSet() {
			return Objects.requireNonNull(shards);
		}

		Zone toZone() {
			return new Zone(id, kind, city, ZoneStatus.UP, Objects.requireNonNull(endpoints));
		}
	}
}
