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
 * The zones of one deployment as an operator declares them in a topology file: cities, RZones with their shards and
 * shard groups, the GZone and the CZones. The first routing table is derived from it; later tables are GZone data.
 */
public record Topology(List<City> cities, List<ZoneSpec> zones) {

	public Topology {
		cities = List.copyOf(cities);
		zones = List.copyOf(zones);
		validate(cities, zones);
	}

	/** The routing table at epoch 1: every RZone serves the shards it is declared with, every zone is up. */
	public RoutingTable initialRoutingTable() {
		ZoneId[] owners = new ZoneId[Shard.COUNT];
		for (ZoneSpec zone : rzones()) {
			zone.shardSet().shards().forEach(shard -> owners[shard.value()] = zone.id());
		}
		return RoutingTable.of(1, Arrays.asList(owners), zones.stream().map(ZoneSpec::toZone).toList());
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
		require(zones.stream().filter(zone -> zone.kind() == ZoneKind.GZONE).count() == 1, "a topology has exactly one GZone");
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			require(servedBy[shard] == 1, "shard " + Shard.of(shard) + " is declared by " + servedBy[shard] + " RZones; every shard needs exactly one");
		}
		for (ZoneSpec zone : zones) {
			if (zone.standby() != null) {
				require(!zone.standby().equals(zone.id()) && zones.stream().anyMatch(other -> other.id().equals(zone.standby()) && other.kind() == ZoneKind.RZONE),
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
	 * @param shards the shards an RZone serves at epoch 1; none for other kinds
	 * @param shardGroup the database that holds an RZone's shards
	 * @param standby the RZone that takes this zone's shards when it fails
	 * @param endpoints base URL of each service of the zone, by service name
	 */
	public record ZoneSpec(ZoneId id, ZoneKind kind, CityId city, @Nullable ShardSet shards, @Nullable ShardGroupId shardGroup,
			@Nullable ZoneId standby, @Nullable Map<String, URI> endpoints) {

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
