package io.zonepay.config.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;

/**
 * Zones as a test wants them: every zone answers until the test kills or freezes it, and
 * again once it revives it.
 */
final class FakeHealthChecker implements HealthChecker {

	private final Set<ZoneId> dead = ConcurrentHashMap.newKeySet();

	private final Set<ZoneId> frozen = ConcurrentHashMap.newKeySet();

	void kill(String... zones) {
		for (String zone : zones) {
			dead.add(ZoneId.of(zone));
		}
	}

	/**
	 * The zone stops answering in time (frozen, or too busy): its checks time out instead
	 * of being refused.
	 */
	void freeze(String... zones) {
		for (String zone : zones) {
			frozen.add(ZoneId.of(zone));
		}
	}

	void revive(String... zones) {
		for (String zone : zones) {
			dead.remove(ZoneId.of(zone));
			frozen.remove(ZoneId.of(zone));
		}
	}

	void reviveAll() {
		dead.clear();
		frozen.clear();
	}

	@Override
	public Map<ZoneId, Check> check(List<Zone> zones) {
		Map<ZoneId, Check> answers = new LinkedHashMap<>();
		zones.forEach(zone -> answers.put(zone.id(),
				dead.contains(zone.id()) ? Check.REFUSED : frozen.contains(zone.id()) ? Check.SLOW : Check.ANSWERED));
		return answers;
	}

}
