package io.zonepay.platform;

import java.util.List;

/**
 * A process of the platform as the launcher plans it.
 *
 * @param managementPorts the ports whose readiness endpoints must all answer before the
 * process counts as up
 */
record PlatformProcess(String name, String kind, String city, String shards, List<String> ports,
		List<Integer> managementPorts) {
}
