package io.zonepay.kernel.routing;

import java.util.Set;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.zone.Shard;

/**
 * Finds the shard of a public API request from its method and path, the same way in the
 * gateway and in every zone guard, so the two can never disagree: ids route themselves.
 */
public final class RequestShards {

	/** Resources whose path carries their own id right after the collection name. */
	private static final Set<String> ID_COLLECTIONS = Set.of("users", "orders", "payments", "refunds", "transfers");

	/** Collections whose list and create calls act on the caller's own shard. */
	private static final Set<String> CALLER_COLLECTIONS = Set.of("orders", "payments", "transfers");

	private RequestShards() {
	}

	public static RequestShard of(String method, String path) {
		String[] segments = segments(path);
		if (segments.length == 4 && segments[0].equals("admin") && segments[1].equals("risk")
				&& segments[2].equals("decisions")) {
			// The risk decision about a payment or a transfer lives with it.
			return ofId(segments[3]);
		}
		if (segments.length < 2 || !segments[0].equals("api") || !ID_COLLECTIONS.contains(segments[1])) {
			return new RequestShard.Unsharded();
		}
		if (segments.length == 2) {
			if (segments[1].equals("users")) {
				return "POST".equals(method) ? new RequestShard.ChosenForNewUser() : new RequestShard.Unsharded();
			}
			return CALLER_COLLECTIONS.contains(segments[1]) ? new RequestShard.OfCaller()
					: new RequestShard.Unsharded();
		}
		return ofId(segments[2]);
	}

	private static RequestShard ofId(String segment) {
		return BusinessId.parse(segment)
			.<RequestShard>map(id -> new RequestShard.OfId(Shard.ofId(id)))
			.orElseGet(() -> new RequestShard.MalformedId(segment));
	}

	private static String[] segments(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		if (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
	}

}
