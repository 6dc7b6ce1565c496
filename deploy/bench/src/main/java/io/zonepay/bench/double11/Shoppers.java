package io.zonepay.bench.double11;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.zonepay.bench.Parallel;
import tools.jackson.databind.JsonNode;

/**
 * What the load needs before it starts, made through the gateways: merchants at the GZone
 * (one of them the hot one) read back in both cities, and users over every shard with
 * money to spend.
 */
final class Shoppers {

	/**
	 * Enough for every checkout and transfer of a long run at several hundred a second.
	 */
	static final long DEPOSIT = 5_000_000;

	private Shoppers() {
	}

	record Prepared(List<Shopper> shoppers, List<String> merchants, String adminToken) {

		String hotMerchant() {
			return merchants.getFirst();
		}

	}

	static Prepared prepare(Http http, List<URI> gateways, int users, int merchantCount, boolean shadow)
			throws Exception {
		URI first = gateways.getFirst();
		String admin = token(http, first, "1", "\"admin\"");
		List<String> merchants = new ArrayList<>();
		long version = 0;
		for (int i = 0; i < merchantCount; i++) {
			JsonNode created = http.setUp(
					Http.post(first.resolve("/admin/merchants"), admin, null,
							"{\"name\": \"Double 11 shop " + i + "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}"),
					201);
			merchants.add(created.get("merchantId").asString());
			version = Math.max(version, created.get("version").asLong());
		}
		for (URI gateway : gateways) {
			http.setUp(Http.get(gateway.resolve("/api/merchants/" + merchants.getLast() + "?min-version=" + version),
					admin), 200);
		}
		return new Prepared(shoppers(http, gateways, users, shadow), merchants, admin);
	}

	/**
	 * Users spread over the shards, each with money; shadow ones (a full-link load
	 * test's) exist only in the shadow schemas.
	 */
	static List<Shopper> shoppers(Http http, List<URI> gateways, int users, boolean shadow) throws Exception {
		return Parallel.run(users, i -> shopper(http, gateways, i % 100, shadow));
	}

	/**
	 * A user of the shard, its token, and its money. A shadow user is signed up by the
	 * load test (a loadtest token and the tag), and acts with a token that has the
	 * loadtest role.
	 */
	private static Shopper shopper(Http http, List<URI> gateways, int shard, boolean shadow) throws Exception {
		URI gateway = gateways.get(shard * gateways.size() / 100);
		String signUp = shadow ? token(http, gateway, "1", "\"user\", \"loadtest\"") : "";
		JsonNode user = http.setUp(Http.post(gateway.resolve("/api/users"), signUp, null,
				"{\"name\": \"Double 11 shopper\", \"shard\": " + shard + "}", shadow), 201);
		String id = user.get("userId").asString();
		String loadTest = token(http, gateway, id, "\"user\", \"loadtest\"");
		String token = shadow ? loadTest : token(http, gateway, id, "\"user\"");
		http.setUp(Http.post(gateway.resolve("/api/users/" + id + "/deposits"), token, Http.key(),
				"{\"amount\": " + DEPOSIT + ", \"currency\": \"CNY\"}", shadow), 201);
		return new Shopper(Long.parseLong(id), user.get("zone").asString(), gateway, token, loadTest, shadow);
	}

	private static String token(Http http, URI gateway, String subject, String roles) throws Exception {
		return http.setUp(Http.post(gateway.resolve("/dev/token"), "", null,
				"{\"sub\": \"" + subject + "\", \"roles\": [" + roles + "]}"), 200)
			.get("token")
			.asString();
	}

}
