package io.zonepay.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill's load works with: one merchant every city knows, and users in every
 * RZone, each given the same deposit.
 */
record Population(String merchantId, List<DrillUser> users, long deposit) {

	Population {
		users = List.copyOf(users);
	}

	/** What each user was given, by user id. */
	Map<String, Long> deposits() {
		Map<String, Long> deposits = new LinkedHashMap<>();
		users.forEach(user -> deposits.put(user.id(), deposit));
		return deposits;
	}
}
