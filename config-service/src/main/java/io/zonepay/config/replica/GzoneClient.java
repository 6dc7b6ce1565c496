package io.zonepay.config.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.zonepay.config.global.Snapshot;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A CZone's line to the GZone, across cities: for its first snapshot, and for reads it cannot answer itself. */
class GzoneClient {

	private final HttpClient http;

	private final URI gzone;

	private final Duration timeout;

	private final CallerSigner signer;

	private final JsonMapper json;

	GzoneClient(URI gzone, Duration timeout, CallerSigner signer, JsonMapper json) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
		this.gzone = gzone;
		this.timeout = timeout;
		this.signer = signer;
		this.json = json;
	}

	Snapshot snapshot() throws IOException, InterruptedException {
		Answer answer = get("/internal/global/snapshot", Duration.ofSeconds(30));
		if (answer.status() != 200) {
			throw new IOException("the GZone answered " + answer.status() + " to a snapshot request");
		}
		return json.treeToValue(answer.body(), Snapshot.class);
	}

	/** The same read at the GZone: path and query. */
	Answer get(String pathAndQuery) throws IOException, InterruptedException {
		return get(pathAndQuery, timeout);
	}

	private Answer get(String pathAndQuery, Duration requestTimeout) throws IOException, InterruptedException {
		String path = URI.create(pathAndQuery).getRawPath();
		HttpRequest request = HttpRequest.newBuilder(gzone.resolve(pathAndQuery))
			.timeout(requestTimeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", path, null))
			.GET()
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		String servedBy = response.headers().firstValue(ZonePayHeaders.SERVED_BY).orElse("gz");
		return new Answer(response.statusCode(), json.readTree(response.body().isEmpty() ? "{}" : response.body()), servedBy);
	}

	/** Whether the GZone answers at all, within the bound: a cheap read any config-service serves. */
	boolean reachable() {
		try {
			return get("/api/global/watermark").status() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	URI uri() {
		return gzone;
	}

	/** Status, body and server of one answer of the GZone. */
	record Answer(int status, JsonNode body, String servedBy) {
	}
}
