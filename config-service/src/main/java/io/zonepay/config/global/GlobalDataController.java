package io.zonepay.config.global;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.runtime.global.GlobalViewDocument.CurrencyDocument;
import io.zonepay.runtime.global.GlobalViewDocument;
import io.zonepay.runtime.routing.RoutingTableDocument;
import io.zonepay.service.zone.ZoneProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * How current this zone's global data is ({@code GET /api/global/watermark}), and the
 * view every gateway and service keeps of it ({@code GET /internal/global/view}).
 */
@RestController
class GlobalDataController {

	private final GlobalReads reads;

	private final EntityStore entities;

	private final JsonMapper json;

	private final String zone;

	private final Duration stalenessBound;

	private final ViewWaiters waiters;

	private volatile @Nullable CachedView view;

	private final Clock clock = Clock.systemUTC();

	/**
	 * The longest a reader is held. A copy that goes stale lets its readers go at once
	 * ({@link ViewWaiters}); this bounds what a reader of a frozen CZone waits before it
	 * turns to its next source (with its read timeout), and costs an idle reader one
	 * request every two seconds.
	 */
	static final Duration MAX_WAIT = Duration.ofSeconds(2);

	private static final Duration CONTAINER_BACKSTOP = Duration.ofSeconds(5);

	GlobalDataController(GlobalReads reads, EntityStore entities, JsonMapper json, ZoneProperties zone,
			ReplicationProperties replication, ViewWaiters waiters) {
		this.reads = reads;
		this.waiters = waiters;
		this.entities = entities;
		this.json = json;
		this.zone = zone.id().value();
		this.stalenessBound = replication.stalenessBound();
	}

	@GetMapping("/api/global/watermark")
	Map<String, Object> watermark() {
		Watermark watermark = reads.watermark();
		long staleness = Math.max(0, Duration.between(watermark.sourceTime(), clock.instant()).toMillis());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("zone", zone);
		answer.put("version", watermark.version());
		answer.put("sourceTime", watermark.sourceTime().toString());
		answer.put("stalenessMs", staleness);
		answer.put("stale", staleness > stalenessBound.toMillis());
		// Whether this copy hears the GZone, and whether the GZone is unavailable from
		// everywhere this copy can ask (its
		// data then served as the newest there is): what the other cities' copies ask
		// before they say the same.
		answer.put("writerReachable", reads.writerReachable());
		answer.put("writer", reads.writerUnavailable() ? "unavailable" : "available");
		return answer;
	}

	/**
	 * The view, or 304 while the caller's version ({@code If-None-Match}) is current.
	 * With {@code wait}, a current caller is held up to that long (at most
	 * {@link #MAX_WAIT}) and answered the moment a newer version commits: a long poll
	 * that pushes changes at once and costs an idle reader a request every two seconds. A
	 * stale copy answers from the GZone, and holds a reader the GZone has nothing newer
	 * for just the same: answering it at once would turn every reader's long poll into a
	 * busy loop exactly when the copy is behind because the machine is busy.
	 */
	@GetMapping("/internal/global/view")
	Object view(@RequestHeader(name = "If-None-Match", required = false) @Nullable String known,
			@RequestParam(name = "wait", defaultValue = "0") long waitMillis, Caller caller) {
		Operators.requireAdminOrSystem(caller);
		long knownVersion = versionOf(known);
		long current = entities.viewVersion();
		ResponseEntity<JsonNode> answer = newerThan(knownVersion);
		if (waitMillis <= 0 || answer.getStatusCode() != HttpStatus.NOT_MODIFIED) {
			return answer;
		}
		Duration hold = Duration.ofMillis(Math.min(waitMillis, MAX_WAIT.toMillis()));
		// The waiters end the hold on time; the container's timeout is only a backstop.
		DeferredResult<ResponseEntity<JsonNode>> result = new DeferredResult<>(hold.plus(CONTAINER_BACKSTOP).toMillis(),
				() -> notModified(knownVersion));
		waiters.await(current, result, () -> result.setResult(newerThan(knownVersion)), hold,
				() -> result.setResult(notModified(knownVersion)));
		return result;
	}

	/**
	 * The view if it is newer than the reader's version, else 304; from this copy when
	 * fresh, else from the GZone.
	 */
	private ResponseEntity<JsonNode> newerThan(long knownVersion) {
		if (reads.fresh() && entities.viewVersion() <= knownVersion) {
			// The reader is current: a version check costs no data.
			return notModified(knownVersion);
		}
		ResponseEntity<JsonNode> answer = reads.read(0, () -> Optional.of(cachedView()), "/internal/global/view",
				() -> new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "no global data"));
		JsonNode body = answer.getBody();
		long version = body == null ? 0 : body.get("version").asLong();
		if (version <= knownVersion) {
			return notModified(knownVersion);
		}
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.eTag(etag(version))
			.body(body);
	}

	private static ResponseEntity<JsonNode> notModified(long knownVersion) {
		return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag(knownVersion)).build();
	}

	/**
	 * The version an {@code If-None-Match} names; none (or one this service never issued)
	 * is older than any.
	 */
	private static long versionOf(@Nullable String known) {
		if (known == null || known.length() < 3 || !known.startsWith("\"") || !known.endsWith("\"")) {
			return -1;
		}
		try {
			return Long.parseLong(known.substring(1, known.length() - 1));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The view is built once per version, however many readers ask for it. */
	private JsonNode cachedView() {
		long version = entities.viewVersion();
		CachedView cached = view;
		if (cached == null || cached.version() != version) {
			GlobalViewDocument built = localView(version);
			cached = new CachedView(version, json.valueToTree(built));
			view = cached;
		}
		return cached.document();
	}

	private GlobalViewDocument localView(long version) {
		Watermark watermark = reads.watermark();
		RoutingTableDocument routing = entities.find(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE)
			.map(entity -> json.treeToValue(entity.document(), RoutingTableDocument.class))
			.orElseThrow(() -> new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "no routing table yet"));
		Map<String, String> switches = new LinkedHashMap<>();
		entities.all(GlobalKind.SWITCH)
			.forEach(entity -> switches.put(entity.key(), entity.document().get("value").asString()));
		var currencies = entities.all(GlobalKind.CURRENCY)
			.stream()
			.map(entity -> json.treeToValue(entity.document(), CurrencyDocument.class))
			.toList();
		return new GlobalViewDocument(version, zone, watermark.sourceTime(), routing, switches, currencies,
				riskPolicies(), riskSignals());
	}

	/** The signals in force; a cleared one is left out. */
	private Map<String, RiskSignal> riskSignals() {
		Map<String, RiskSignal> signals = new LinkedHashMap<>();
		for (Entity entity : entities.all(GlobalKind.RISK_SIGNAL)) {
			RiskSignal signal = json.treeToValue(entity.document().get("signal"), RiskSignal.class);
			if (signal.present()) {
				signals.put(entity.key(), signal);
			}
		}
		return signals;
	}

	/** The slots' policies; an empty slot's document names no policy. */
	private RiskPolicies riskPolicies() {
		Map<String, RiskPolicy> slots = new LinkedHashMap<>();
		for (Entity entity : entities.all(GlobalKind.RISK_POLICY)) {
			JsonNode policy = entity.document().get("policy");
			if (policy != null && policy.isObject()) {
				slots.put(entity.key(), json.treeToValue(policy, RiskPolicy.class));
			}
		}
		return new RiskPolicies(slots.get("enforced"), slots.get("shadow"));
	}

	private static String etag(long version) {
		return "\"" + version + "\"";
	}

	private record CachedView(long version, JsonNode document) {
	}

}
