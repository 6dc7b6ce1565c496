package io.zonepay.bench.double11;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP and JSON against the gateways, as any client would talk to them. */
final class Http {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SETUP_ATTEMPTS = 10;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
		return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The header and value of shadow (load-test) traffic. */
	static final String TRAFFIC = "X-ZonePay-Traffic";

	static HttpRequest post(URI uri, String token, @Nullable String key, String body) {
		return post(uri, token, key, body, false);
	}

	/** A POST, tagged as shadow traffic when {@code shadow}. */
	static HttpRequest post(URI uri, String token, @Nullable String key, String body, boolean shadow) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (shadow) {
			request.header(TRAFFIC, "shadow");
		}
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return request.build();
	}

	static HttpRequest get(URI uri, String token) {
		return get(uri, token, false);
	}

	/** A GET, tagged as shadow traffic when {@code shadow}. */
	static HttpRequest get(URI uri, String token, boolean shadow) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.GET();
		if (shadow) {
			request.header(TRAFFIC, "shadow");
		}
		return request.build();
	}

	/** The status of a request, with no retry: for checks after the load. */
	int status(HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static HttpRequest put(URI uri, String token, String body) {
		return HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * A set-up call, sent again after a 503 or 429 (the platform warming up under the
	 * set-up's burst): at most {@link #SETUP_ATTEMPTS} tries, as far apart as Retry-After
	 * says (at least 500 ms, at most 5 s). Only calls safe to repeat come here: reads,
	 * writes with an Idempotency-Key, and sign-ups whose duplicate is harmless.
	 * @throws IllegalStateException when the last answer is not the expected status
	 */
	JsonNode setUp(HttpRequest request, int expected) throws Exception {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		for (int attempt = 1; attempt < SETUP_ATTEMPTS
				&& (response.statusCode() == 503 || response.statusCode() == 429); attempt++) {
			long pause = response.headers().firstValueAsLong("Retry-After").orElse(0) * 1000;
			Thread.sleep(Math.min(5_000, Math.max(500, pause)));
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri() + ": expected " + expected + ", got "
					+ response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

}
