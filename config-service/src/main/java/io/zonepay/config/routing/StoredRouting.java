package io.zonepay.config.routing;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.runtime.routing.RoutingTableDocument;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A routing table as the GZone stored it.
 *
 * @param version the global version of the change that stored it
 */
public record StoredRouting(RoutingTable table, long version) {

	/**
	 * The table as {@code GET /admin/routing} answers it: the stored document with its
	 * version.
	 */
	public ObjectNode toDocument(JsonMapper json) {
		ObjectNode document = json.valueToTree(RoutingTableDocument.of(table));
		document.put("version", version);
		return document;
	}
}
