package io.zonepay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/** A client's view of ZonePay: plain HTTP and JSON, as curl would see it. */
final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	Response get(URI uri, @Nullable String token) {
		return send(request(uri, token, Map.of()).GET().build());
	}

	Response get(URI uri, @Nullable String token, Map<String, String> headers) {
		return send(request(uri, token, headers).GET().build());
	}

	/** A call straight to a zone, carrying a caller assertion instead of a token. */
	Response get(URI uri, @Nullable String token, String callerAssertion) {
		return send(request(uri, token, Map.of("X-ZonePay-Caller", callerAssertion)).GET().build());
	}

	Response post(URI uri, @Nullable String token, Map<String, String> headers, String body) {
		return send(request(uri, token, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Response delete(URI uri, @Nullable String token) {
		return send(request(uri, token, Map.of()).DELETE().build());
	}

	Response put(URI uri, @Nullable String token, String body) {
		return send(request(uri, token, Map.of()).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	String token(URI gateway, long user, String... roles) {
		return post(gateway.resolve("/dev/token"), null, Map.of(),
				"{\"sub\": \"" + user + "\", \"roles\": [\"" + String.join("\", \"", roles) + "\"]}")
			.json()
			.get("token")
			.asString();
	}

	private static HttpRequest.Builder request(URI uri, @Nullable String token, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		headers.forEach(builder::header);
		return builder;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Status, headers and body of one answer. */
	record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		@Nullable String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}
	}

}
