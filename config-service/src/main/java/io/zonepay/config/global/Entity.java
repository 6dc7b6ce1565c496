package io.zonepay.config.global;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One global entity at the version of its last change: a merchant, a currency, a switch,
 * the routing table.
 *
 * @param document the entity as readers see it
 */
public record Entity(GlobalKind kind, String key, long version, JsonNode document) {

	/** The document with its version, as the read API answers it. */
	public ObjectNode withVersion() {
		ObjectNode answer = ((ObjectNode) document).deepCopy();
		answer.put("version", version);
		return answer;
	}
}
