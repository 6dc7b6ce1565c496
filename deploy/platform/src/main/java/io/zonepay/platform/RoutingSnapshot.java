package io.zonepay.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The routing table as {@code GET /admin/routing} shows it: its epoch and which RZone
 * serves each shard.
 */
record RoutingSnapshot(long epoch, Map<Integer, String> owners) {

	RoutingSnapshot {
		owners = Map.copyOf(owners);
	}

	/** {@code {"epoch": 3, "shards": {"00": "rz1", ...}, ...}} */
	static RoutingSnapshot of(JsonNode document) {
		Map<Integer, String> owners = new TreeMap<>();
		document.get("shards")
			.properties()
			.forEach(shard -> owners.put(Integer.parseInt(shard.getKey()), shard.getValue().asString()));
		return new RoutingSnapshot(document.get("epoch").asLong(), owners);
	}

	List<Integer> shardsOf(String zone) {
		return owners.entrySet()
			.stream()
			.filter(owner -> owner.getValue().equals(zone))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * The shards now served elsewhere than in {@code original}, by the zone that served
	 * them there.
	 */
	Map<String, List<Integer>> movedAwayFrom(RoutingSnapshot original) {
		Map<String, List<Integer>> moved = new TreeMap<>();
		original.owners().forEach((shard, owner) -> {
			if (!owner.equals(owners.get(shard))) {
				moved.computeIfAbsent(owner, zone -> new ArrayList<>()).add(shard);
			}
		});
		moved.values().forEach(shards -> shards.sort(null));
		return moved;
	}

	/**
	 * Shards as ranges, the way people read them: {@code 00-24}, {@code 00-09, 20-24}.
	 */
	static String ranges(List<Integer> shards) {
		List<String> ranges = new ArrayList<>();
		for (int i = 0; i < shards.size();) {
			int j = i;
			while (j + 1 < shards.size() && shards.get(j + 1) == shards.get(j) + 1) {
				j++;
			}
			ranges.add(i == j ? "%02d".formatted(shards.get(i)) : "%02d-%02d".formatted(shards.get(i), shards.get(j)));
			i = j + 1;
		}
		return ranges.isEmpty() ? "none" : String.join(", ", ranges);
	}
}
