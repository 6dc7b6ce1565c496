package io.zonepay.config.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;

/** Zones as a test wants them: every zone answers until the test kills it, and again once it revives it. */
final class FakeHealthChecker implements HealthChecker {

	private final Set<ZoneId> dead = ConcurrentHashMap.newKeySet();

	void kill(String... zones) {
		for (String zone : zones) {
			dead.add(ZoneId.of(zone));
		}
	}

	void revive(String... zones) {
		for (String zone : zones) {
			dead.remove(ZoneId.of(zone));
		}
	}

	void reviveAll() {
		dead.clear();
	}

	@Override
	public Map<ZoneId, Boolean> check(List<Zone> zones) {
		Map<ZoneId, Boolean> answers = new LinkedHashMap<>();
		zones.forEach(zone -> answers.put(zone.id(), !dead.contains(zone.id())));
		return answers;
	}
}
