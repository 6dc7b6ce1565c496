package io.zonepay.runtime.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.RoutingTable;
import tools.jackson.databind.json.JsonMapper;

/** Reads the routing table from config-service over HTTP, as a system caller, within explicit timeouts. */
public final class RoutingTableClient {

	static final String PATH = "/admin/routing";

	private final HttpClient http;

	private final URI uri;

	private final Duration requestTimeout;

	private final CallerSigner signer;

	private final JsonMapper json = JsonMapper.builder().build();

	public RoutingTableClient(URI source, Duration connectTimeout, Duration requestTimeout, CallerSigner signer) {
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
		this.uri = source.resolve(PATH);
		this.requestTimeout = requestTimeout;
		this.signer = signer;
	}

	public RoutingTable fetch() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(requestTimeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", PATH, null))
			.GET()
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + uri + " answered " + response.statusCode());
		}
		return json.readValue(response.body(), RoutingTableDocument.class).toRoutingTable();
	}

	public URI uri() {
		return uri;
	}
}
