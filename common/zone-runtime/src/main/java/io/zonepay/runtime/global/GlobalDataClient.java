package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/** Reads global data from a config-service over HTTP, as a system caller, within explicit timeouts. */
public final class GlobalDataClient {

	static final String VIEW = "/internal/global/view";

	private final HttpClient http;

	private final URI source;

	private final Duration requestTimeout;

	private final Duration longPoll;

	private final CallerSigner signer;

	private final JsonMapper json = JsonMapper.builder().build();

	public GlobalDataClient(URI source, Duration connectTimeout, Duration requestTimeout, Duration longPoll, CallerSigner signer) {
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
		this.source = source;
		this.requestTimeout = requestTimeout;
		this.longPoll = longPoll;
		this.signer = signer;
	}

	/**
	 * The view once it is newer than {@code knownVersion}: the CZone answers at once when it is, else holds the read up
	 * to the long poll and answers when a change arrives (empty when none did).
	 */
	public Optional<GlobalViewDocument> viewIfNewerThan(long knownVersion) throws IOException, InterruptedException {
		HttpResponse<String> response = get(VIEW + "?wait=" + longPoll.toMillis(), "\"" + knownVersion + "\"", requestTimeout.plus(longPoll));
		if (response.statusCode() == 304) {
			return Optional.empty();
		}
		return Optional.of(json.readValue(require(response, VIEW), GlobalViewDocument.class));
	}

	/** A merchant, or empty when there is no such merchant. */
	public Optional<MerchantDocument> merchant(long id) throws IOException, InterruptedException {
		String path = "/api/merchants/" + id;
		HttpResponse<String> response = get(path, null, requestTimeout);
		return response.statusCode() == 404 ? Optional.empty() : Optional.of(json.readValue(require(response, path), MerchantDocument.class));
	}

	public URI source() {
		return source;
	}

	private HttpResponse<String> get(String pathAndQuery, @Nullable String ifNoneMatch, Duration timeout) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(source.resolve(pathAndQuery))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", URI.create(pathAndQuery).getRawPath(), null));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String require(HttpResponse<String> response, String path) throws IOException {
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode());
		}
		return response.body();
	}
}
