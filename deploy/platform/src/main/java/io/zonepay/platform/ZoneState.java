package io.zonepay.platform;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One zone as {@code GET /admin/zones} shows it: its routing status, the supervisor's
 * view of its health, its shards.
 */
record ZoneState(String zoneId, String kind, String status, String health, List<String> shards) {

	static ZoneState of(JsonNode zone) {
		List<String> shards = zone.path("shards").valueStream().map(JsonNode::asString).toList();
		return new ZoneState(zone.get("zoneId").asString(), zone.get("kind").asString(), zone.get("status").asString(),
				zone.path("health").asString("UNKNOWN"), shards);
	}

	boolean rzone() {
		return kind.equals("RZONE");
	}

	/**
	 * Taking traffic as far as the routing table says, and answering the supervisor's
	 * health checks.
	 */
	boolean up() {
		return status.equals("UP") && health.equals("UP");
	}
}
