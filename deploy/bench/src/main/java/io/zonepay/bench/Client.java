package io.zonepay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP and JSON against the platform, as any client would talk to it. */
final class Client {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	JsonNode get(URI uri, String token) throws IOException, InterruptedException {
		return JSON.readTree(send(request(uri, token).GET().build()).body());
	}

	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(URI uri, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
		return token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
	}

	String token(URI gateway, String subject, String role) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/dev/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"" + subject + "\", \"roles\": [\"" + role + "\"]}"))
			.build();
		return JSON.readTree(send(request).body()).get("token").asString();
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
