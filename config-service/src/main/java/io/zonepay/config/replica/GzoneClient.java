package io.zonepay.config.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.zonepay.config.global.Snapshot;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * A copy's line to the writer, across cities: for its first snapshot, and for reads it
 * cannot answer itself. It knows the GZone and its standby; it asks the one that answered
 * as the writer last, then the others, passing over one that cannot be reached or says it
 * is not the writer ({@code X-ZonePay-Writer}), so a copy follows a promoted standby.
 */
class GzoneClient {

	private final HttpClient http;

	private final List<URI> gzones;

	private volatile int writer;

	private final Duration timeout;

	private final CallerSigner signer;

	private final JsonMapper json;

	GzoneClient(List<URI> gzones, Duration timeout, CallerSigner signer, JsonMapper json) {
		if (gzones.isEmpty()) {
			throw new IllegalArgumentException(
					"set zonepay.replication.gzone: the GZone (and its standby) a copy follows");
		}
		this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
		this.gzones = List.copyOf(gzones);
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

	/**
	 * Asks the writer: the last one that answered as such first, then the others in
	 * order.
	 */
	private Answer get(String pathAndQuery, Duration requestTimeout) throws IOException, InterruptedException {
		int first = writer;
		IOException unreachable = null;
		Answer notWriter = null;
		for (int i = 0; i < gzones.size(); i++) {
			int candidate = (first + i) % gzones.size();
			try {
				Answer answer = get(gzones.get(candidate), pathAndQuery, requestTimeout);
				if (answer.writer() == null) {
					writer = candidate;
					return answer;
				}
				notWriter = answer;
			}
			catch (IOException ex) {
				unreachable = ex;
			}
		}
		if (notWriter != null) {
			return notWriter;
		}
		throw Objects.requireNonNull(unreachable);
	}

	private Answer get(URI gzone, String pathAndQuery, Duration requestTimeout)
			throws IOException, InterruptedException {
		String path = URI.create(pathAndQuery).getRawPath();
		HttpRequest request = HttpRequest.newBuilder(gzone.resolve(pathAndQuery))
			.timeout(requestTimeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", path, null))
			.GET()
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		String servedBy = response.headers().firstValue(ZonePayHeaders.SERVED_BY).orElse("gz");
		return new Answer(response.statusCode(), json.readTree(response.body().isEmpty() ? "{}" : response.body()),
				servedBy, response.headers().firstValue(ZonePayHeaders.WRITER).orElse(null));
	}

	/**
	 * Whether the writer answers at all, within the bound: a cheap read any
	 * config-service serves.
	 */
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

	/**
	 * Status, body and server of one answer of a GZone; {@code writer} says why one that
	 * is not the writer refused.
	 */
	record Answer(int status, JsonNode body, String servedBy, @Nullable String writer) {
	}

}
