package io.zonepay.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * The running platform's public API as a drill calls it: plain HTTP and JSON through the
 * gateways, every request with a timeout, every failure to answer turned into an
 * {@link Answer} rather than an exception.
 */
final class PlatformApi {

	/**
	 * Longer than a healthy call takes on a busy 2-core machine, short enough that a hung
	 * call does not eat the retry budget.
	 */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	Answer send(HttpRequest request) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = parse(response.body());
			String code = body != null && body.hasNonNull("code") ? body.get("code").asString() : "";
			Duration retryAfter = response.headers().firstValue("Retry-After").map(PlatformApi::seconds).orElse(null);
			return new Answer(response.statusCode(), code, retryAfter, body);
		}
		catch (IOException ex) {
			return Answer.none(ex);
		}
	}

	static HttpRequest get(URI base, String path, @Nullable String token) {
		return builder(base, path, token).GET().build();
	}

	static HttpRequest delete(URI base, String path, @Nullable String token) {
		return builder(base, path, token).DELETE().build();
	}

	/** A POST with a JSON body, and an Idempotency-Key when the call moves money. */
	static HttpRequest post(URI base, String path, @Nullable String token, @Nullable String key, Map<String, ?> body) {
		HttpRequest.Builder builder = builder(base, path, token).header("Content-Type", "application/json");
		if (key != null) {
			builder.header("Idempotency-Key", key);
		}
		return builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
	}

	/**
	 * A development token from a gateway's {@code /dev/token} (the local platform's
	 * issuer).
	 */
	String token(URI gateway, String subject, String role) throws InterruptedException {
		return expect(200, post(gateway, "/dev/token", null, null, Map.of("sub", subject, "roles", List.of(role))),
				"a " + role + " token")
			.field("token");
	}

	RoutingSnapshot routing(URI admin, String adminToken) throws InterruptedException {
		return RoutingSnapshot.of(body(expect(200, get(admin, "/admin/routing", adminToken), "the routing table")));
	}

	List<ZoneState> zones(URI admin, String adminToken) throws InterruptedException {
		return body(expect(200, get(admin, "/admin/zones", adminToken), "the zones")).get("zones")
			.valueStream()
			.map(ZoneState::of)
			.toList();
	}

	/** A planned move of shards to a live RZone; answers the new table. */
	RoutingSnapshot move(URI admin, String adminToken, List<Integer> shards, String toZone)
			throws InterruptedException {
		Answer answer = expect(200,
				post(admin, "/admin/routing/moves", adminToken, null, Map.of("shards", shards, "toZone", toZone)),
				"moving " + RoutingSnapshot.ranges(shards) + " to " + toZone);
		return RoutingSnapshot.of(body(answer));
	}

	/**
	 * The routing epoch a gateway routes by now, from its ops page's state; empty when it
	 * does not say.
	 */
	OptionalLong gatewayEpoch(URI gateway) throws InterruptedException {
		Answer answer = send(get(gateway, "/ops/state", null));
		return answer.status() == 200 && answer.body() != null && answer.body().has("epoch")
				? OptionalLong.of(answer.body().get("epoch").asLong()) : OptionalLong.empty();
	}

	Answer expect(int status, HttpRequest request, String what) throws InterruptedException {
		Answer answer = send(request);
		if (answer.status() != status) {
			throw new IllegalStateException("asking for " + what + " (" + request.method() + " " + request.uri() + "): "
					+ answer.label() + (answer.body() == null ? "" : " " + answer.body()));
		}
		return answer;
	}

	private static JsonNode body(Answer answer) {
		if (answer.body() == null) {
			throw new IllegalStateException(answer.label() + " came without a JSON body");
		}
		return answer.body();
	}

	private static HttpRequest.Builder builder(URI base, String path, @Nullable String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
		return token == null ? builder : builder.header("Authorization", "Bearer " + token);
	}

	private static @Nullable JsonNode parse(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			// An HTML error page or a cut-off body: the status says enough.
			return null;
		}
	}

	private static @Nullable Duration seconds(String header) {
		try {
			return Duration.ofSeconds(Long.parseLong(header.strip()));
		}
		catch (NumberFormatException ex) {
			// An HTTP date: the platform never sends one; the default pause will do.
			return null;
		}
	}

}
