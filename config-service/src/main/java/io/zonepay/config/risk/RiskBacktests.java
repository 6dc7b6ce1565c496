package io.zonepay.config.risk;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.zonepay.config.global.ZoneCalls;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

/**
 * A candidate policy backtested on every RZone's stored decisions: each RZone that serves
 * shards replays its own ({@code POST /internal/risk/backtest} of its payment service),
 * all at once, each bounded in time; the answers are added up. A zone that does not
 * answer in time is named, not counted: the report says how much it covers.
 */
final class RiskBacktests implements AutoCloseable {

	private static final String PATH = "/internal/risk/backtest";

	private final ZoneCalls calls;

	private final JsonMapper json;

	RiskBacktests(Duration timeout, CallerSigner signer, JsonMapper json) {
		this.calls = new ZoneCalls(timeout, signer);
		this.json = json;
	}

	Map<String, Object> run(RoutingTable routing, RiskPolicy candidate, int limit, int examples) {
		Map<String, CompletableFuture<ZoneAnswer>> asked = new LinkedHashMap<>();
		for (Zone zone : routing.zones()) {
			if (!routing.shardsOf(zone.id()).isEmpty()) {
				zone.endpoint("payment")
					.ifPresent(payment -> asked.put(zone.id().value(), ask(payment, candidate, limit, examples)));
			}
		}
		Map<String, Integer> transitions = new TreeMap<>();
		List<JsonNode> named = new ArrayList<>();
		Map<String, Object> zones = new LinkedHashMap<>();
		long decisions = 0;
		long changed = 0;
		for (Map.Entry<String, CompletableFuture<ZoneAnswer>> entry : asked.entrySet()) {
			ZoneAnswer answer = entry.getValue().join();
			if (answer.report() == null) {
				zones.put(entry.getKey(), Map.of("answered", false, "why", answer.failure()));
				continue;
			}
			JsonNode report = answer.report();
			decisions += report.get("decisions").asLong();
			changed += report.get("changed").asLong();
			report.get("transitions")
				.properties()
				.forEach(transition -> transitions.merge(transition.getKey(), transition.getValue().asInt(),
						Integer::sum));
			report.get("examples").forEach(example -> {
				if (named.size() < examples) {
					named.add(((ObjectNode) example.deepCopy()).put("zone", entry.getKey()));
				}
			});
			zones.put(entry.getKey(), Map.of("answered", true, "decisions", report.get("decisions").asLong(), "changed",
					report.get("changed").asLong()));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("candidateVersion", candidate.version());
		result.put("decisions", decisions);
		result.put("changed", changed);
		result.put("transitions", transitions);
		result.put("examples", named);
		result.put("zones", zones);
		return result;
	}

	private CompletableFuture<ZoneAnswer> ask(URI payment, RiskPolicy candidate, int limit, int examples) {
		String body = json.writeValueAsString(Map.of("policy", candidate, "limit", limit, "examples", examples));
		return calls.call(payment, PATH, body,
				response -> response.statusCode() == 200 ? new ZoneAnswer(json.readTree(response.body()), null)
						: new ZoneAnswer(null, "answered " + response.statusCode()),
				failure -> new ZoneAnswer(null, failure));
	}

	@Override
	public void close() {
		calls.close();
	}

	private record ZoneAnswer(@Nullable JsonNode report, @Nullable String failure) {
	}

}
