package io.zonepay.service.ids;

import io.zonepay.kernel.id.IdGenerator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param nodeId this process's node id, 0..1023, distinct from every other process that
 * generates ids; the local launcher and the test kit assign them, a deployment derives
 * them from a stable ordinal
 */
@ConfigurationProperties("zonepay.ids")
public record IdProperties(Integer nodeId) {

	public IdProperties {
		if (nodeId == null || nodeId < 0 || nodeId > IdGenerator.MAX_NODE_ID) {
			throw new IllegalArgumentException("set zonepay.ids.node-id to a number 0.." + IdGenerator.MAX_NODE_ID
					+ " that no other process uses: ids are unique only across distinct node ids");
		}
	}
}
