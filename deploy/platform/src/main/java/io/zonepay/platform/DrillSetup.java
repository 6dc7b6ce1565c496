package io.zonepay.platform;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes what the load needs through the public API, as clients would: a merchant in CNY
 * that every city's gateway knows, and users in every RZone (spread over its shards, each
 * made through its own city's gateway) with a deposit that covers everything the load can
 * ask of them. A call that fails is sent again as the load's are (a sign-up sent twice
 * only makes a user nobody uses), so a moment of a busy zone does not end the drill
 * before it starts.
 */
final class DrillSetup {

	/**
	 * Setting up is a few hundred calls at most; eight at once keeps it short without
	 * crowding two cores.
	 */
	private static final int PARALLEL = 8;

	private static final int MERCHANT_VISIBLE_TRIES = 300;

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	private final String keyPrefix;

	/**
	 * Setup's requests are not the drill's measure: they are sent with care and not
	 * recorded.
	 */
	private final PersistentCall calls;

	DrillSetup(PlatformApi api, DrillOptions options, String adminToken, String keyPrefix) {
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
		this.keyPrefix = keyPrefix;
		this.calls = new PersistentCall(api, new Timeline(), attempt -> {
		});
	}

	/**
	 * @param zoneGateways the gateway of each RZone's city, by zone, in the order the
	 * report lists zones
	 */
	Population prepare(RoutingSnapshot routing, Map<String, URI> zoneGateways, long perUserOperations)
			throws Exception {
		String merchantId = merchant();
		// The load takes turns between payers, so each pays for about its share of
		// operations; three times that is ample.
		long deposit = Math.max(100_000, 3 * perUserOperations * DrillLoad.LARGEST_AMOUNT);
		List<Callable<DrillUser>> makers = new ArrayList<>();
		zoneGateways.forEach((zone, gateway) -> {
			List<Integer> shards = routing.shardsOf(zone);
			for (int i = 0; i < options.usersPerZone(); i++) {
				int shard = shards.get(i * shards.size() / options.usersPerZone());
				makers.add(() -> user(zone, shard, gateway, deposit));
			}
		});
		return new Population(merchantId, all(makers), deposit);
	}

	/**
	 * A merchant, then waits until both cities' copies of global data have it, so that no
	 * order is refused for want of it.
	 */
	private String merchant() throws InterruptedException {
		Answer created = api.expect(201,
				PlatformApi.post(options.admin(), "/admin/merchants", adminToken, null,
						Map.of("name", "Drill " + keyPrefix, "currency", DrillOperations.CURRENCY, "status", "ACTIVE")),
				"a merchant");
		String merchantId = created.field("merchantId");
		String path = "/api/merchants/" + merchantId + "?min-version=" + created.field("version");
		for (URI gateway : options.gateways().values()) {
			int tries = 0;
			while (api.send(PlatformApi.get(gateway, path, adminToken)).status() != 200) {
				if (++tries == MERCHANT_VISIBLE_TRIES) {
					throw new IllegalStateException(
							"merchant " + merchantId + " did not reach " + gateway + " within 30 s");
				}
				Thread.sleep(100);
			}
		}
		return merchantId;
	}

	private DrillUser user(String zone, int shard, URI gateway, long deposit) throws InterruptedException {
		Answer created = carefully(zone,
				PlatformApi.post(gateway, "/api/users", null, null, Map.of("name", "Drill " + zone, "shard", shard)),
				"a user in shard " + shard);
		if (!created.field("zone").equals(zone)) {
			throw new IllegalStateException(
					"a user of shard " + shard + " landed in " + created.field("zone") + ", not " + zone);
		}
		String userId = created.field("userId");
		String token = api.token(gateway, userId, "user");
		carefully(zone,
				PlatformApi.post(gateway, "/api/users/" + userId + "/deposits", token, keyPrefix + "-deposit-" + userId,
						Map.of("amount", deposit, "currency", DrillOperations.CURRENCY)),
				"a deposit for user " + userId);
		return new DrillUser(userId, zone, shard, gateway, token);
	}

	/** The call's 2xx answer, after as many tries as its budget allows. */
	private Answer carefully(String zone, HttpRequest request, String what) throws InterruptedException {
		Answer answer = calls.send(zone, "setup", request, calls.deadline())
			.orElseThrow(() -> new IllegalStateException(
					"no answer for " + what + " within " + PersistentCall.BUDGET.toSeconds() + " s"));
		if (!answer.succeeded()) {
			throw new IllegalStateException(what + ": " + answer.label() + " " + answer.body());
		}
		return answer;
	}

	private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(PARALLEL)) {
			List<Future<T>> futures = new ArrayList<>();
			tasks.forEach(task -> futures.add(threads.submit(task)));
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				try {
					results.add(future.get());
				}
				catch (ExecutionException ex) {
					throw ex.getCause() instanceof Exception cause ? cause : ex;
				}
			}
			return results;
		}
	}

}
