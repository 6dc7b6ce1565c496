package io.zonepay.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import org.jspecify.annotations.Nullable;

/**
 * What adding or removing a cell changes in the topology, checked before anything is
 * done: the shards that move, the zones and shard groups on each side, the topology
 * after.
 */
public final class CellPlans {

	private CellPlans() {
	}

	/**
	 * Shards moving from one zone and group to another, and the topology once they have.
	 *
	 * @param staying a shard the giving zone keeps (none when it gives all: a merge)
	 */
	public record Move(Topology before, Topology after, Topology.ZoneSpec giving, Topology.ZoneSpec taking,
			ShardSet moving, @Nullable Shard staying) {

		public ShardGroupId from() {
			return Objects.requireNonNull(giving.shardGroup());
		}

		public ShardGroupId to() {
			return Objects.requireNonNull(taking.shardGroup());
		}

		public String describe() {
			return "shards " + TopologyFile.ranges(moving) + " from " + giving.id() + " (" + from() + ") to "
					+ taking.id() + " (" + to() + ")";
		}
	}

	/** Every port the topology's processes listen on, their management ports too. */
	private static Set<Integer> portsOf(Topology topology) {
		Set<Integer> ports = new HashSet<>();
		topology.zones().forEach(zone -> zone.endpoints().values().forEach(uri -> ports.add(uri.getPort())));
		topology.cities()
			.stream()
			.map(Topology.City::gateway)
			.filter(Objects::nonNull)
			.forEach(gateway -> ports.add(gateway.getPort()));
		Set<Integer> withManagement = new HashSet<>(ports);
		ports.forEach(port -> withManagement.add(port + ServiceArguments.MANAGEMENT_PORT_OFFSET));
		return withManagement;
	}

	private static boolean clashes(int base, int count, Set<Integer> used) {
		return IntStream.rangeClosed(base + 1, base + count)
			.anyMatch(port -> used.contains(port) || used.contains(port + ServiceArguments.MANAGEMENT_PORT_OFFSET));
	}

	/**
	 * A new RZone with its own shard group, taking shards of one zone and group: ports
	 * next after the highest RZone port, group {@code sg<n>} for {@code rz<n>} unless
	 * named.
	 */
	public static Move addition(Topology topology, ZoneId id, CityId city, ShardSet moving,
			@Nullable ShardGroupId requestedGroup) {
		if (topology.zone(id).isPresent()) {
			throw new IllegalArgumentException("there is a zone " + id + " already");
		}
		if (topology.cities().stream().noneMatch(known -> known.id().equals(city))) {
			throw new IllegalArgumentException("no city " + city + " in the topology");
		}
		Topology.ZoneSpec giving = onlyServer(topology, moving);
		List<Shard> staying = shardsOf(giving).stream().filter(shard -> !moving.contains(shard)).toList();
		if (staying.isEmpty()) {
			throw new IllegalArgumentException(giving.id() + " would keep no shard; a split leaves it at least one");
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
		List<String> services = ServiceArguments.rzoneServices();
		Set<Integer> used = portsOf(topology);
		// Past any port of the topology, a management port (+100) included: a topology of
		// scattered ports (the end-to-end suite's) may have one just there.
		while (clashes(base, services.size(), used)) {
			base += 10;
		}
		Map<String, URI> endpoints = new LinkedHashMap<>();
		for (int i = 0; i < services.size(); i++) {
			endpoints.put(services.get(i), URI.create("http://localhost:" + (base + i + 1)));
		}
		Topology.ZoneSpec joining = new Topology.ZoneSpec(id, ZoneKind.RZONE, city, moving, group, null, endpoints);
		List<Topology.ZoneSpec> zones = new ArrayList<>();
		for (Topology.ZoneSpec zone : topology.zones()) {
			zones.add(zone.id().equals(giving.id()) ? withShards(zone, staying) : zone);
		}
		zones.add(joining);
		return new Move(topology, new Topology(topology.cities(), zones), giving, joining, moving, staying.getFirst());
	}

	/**
	 * A cell that leaves: every shard of its group goes back into another zone's group;
	 * the topology after no longer has it.
	 */
	public static Move removal(Topology topology, ZoneId leaving, ZoneId into) {
		Topology.ZoneSpec giving = topology.zone(leaving)
			.filter(zone -> zone.kind() == ZoneKind.RZONE)
			.orElseThrow(() -> new IllegalArgumentException("no RZone " + leaving + " in the topology"));
		Topology.ZoneSpec taking = topology.zone(into)
			.filter(zone -> zone.kind() == ZoneKind.RZONE && !zone.id().equals(leaving))
			.orElseThrow(() -> new IllegalArgumentException("no other RZone " + into + " in the topology"));
		if (topology.zones()
			.stream()
			.anyMatch(zone -> leaving.equals(zone.standby()) && zone.kind() == ZoneKind.RZONE)) {
			throw new IllegalArgumentException(leaving + " is another zone's standby in the topology; it stays");
		}
		ShardSet moving = new ShardSet(shardsOf(giving));
		List<Shard> merged = new ArrayList<>(shardsOf(taking));
		merged.addAll(moving.shards());
		List<Topology.ZoneSpec> zones = new ArrayList<>();
		for (Topology.ZoneSpec zone : topology.zones()) {
			if (zone.id().equals(taking.id())) {
				zones.add(withShards(zone, merged.stream().sorted().toList()));
			}
			else if (!zone.id().equals(leaving)) {
				zones.add(zone);
			}
		}
		return new Move(topology, new Topology(topology.cities(), zones), giving, taking, moving, null);
	}

	private static Topology.ZoneSpec onlyServer(Topology topology, ShardSet moving) {
		List<Topology.ZoneSpec> givers = topology.rzones()
			.stream()
			.filter(zone -> moving.shards().stream().anyMatch(shardsOf(zone)::contains))
			.toList();
		if (givers.size() != 1 || !shardsOf(givers.getFirst()).containsAll(moving.shards())) {
			throw new IllegalArgumentException("shards " + TopologyFile.ranges(moving)
					+ " are not all served by one zone; a split takes shards of one zone and group");
		}
		return givers.getFirst();
	}

	private static List<Shard> shardsOf(Topology.ZoneSpec zone) {
		return Objects.requireNonNull(zone.shards()).shards();
	}

	private static Topology.ZoneSpec withShards(Topology.ZoneSpec zone, List<Shard> shards) {
		return new Topology.ZoneSpec(zone.id(), zone.kind(), zone.city(), new ShardSet(shards), zone.shardGroup(),
				zone.standby(), zone.endpoints());
	}

}
