package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * Reads global data over HTTP, as a system caller, within explicit timeouts, from the
 * first of its sources that answers: the city's CZone, then another city's, then the
 * GZone, so that a city loses no read when its CZone dies. Each source keeps its own
 * staleness rule (a CZone answers from its copy only while it is fresh). Once it has
 * moved away from its first source, it tries that one again after
 * {@code preferAgainAfter}: cross-city reads are for failures only.
 */
public final class GlobalDataClient {

	static final String VIEW = "/internal/global/view";

	private final HttpClient http;

	private final List<URI> sources;

	private final Duration requestTimeout;

	private final Duration longPoll;

	private final Duration preferAgainAfter;

	private final CallerSigner signer;

	private final JsonMapper json = JsonMapper.builder().build();

	/** The most merchants one read names (config-service's bound). */
	public static final int MAX_MERCHANTS_PER_READ = 500;

	/**
	 * The source reads go to first; another than the first only since
	 * {@link #leftFirstAt}.
	 */
	private int current;

	private long leftFirstAt;

	public GlobalDataClient(List<URI> sources, Timeouts timeouts, CallerSigner signer) {
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("global data needs at least one source");
		}
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeouts.connect())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.sources = List.copyOf(sources);
		this.requestTimeout = timeouts.request();
		this.longPoll = timeouts.longPoll();
		this.preferAgainAfter = timeouts.preferAgainAfter();
		this.signer = signer;
	}

	/**
	 * The view once it is newer than {@code knownVersion}: the source answers at once
	 * when it is, else holds the read up to the long poll and answers when a change
	 * arrives (empty when none did). A source that fails is left for the next one, which
	 * the next read goes to. Readers of this JVM waiting on the same source and version
	 * share one read ({@link ViewPolls}).
	 */
	public Optional<GlobalViewDocument> viewIfNewerThan(long knownVersion) throws IOException, InterruptedException {
		int index = first();
		URI source = sources.get(index);
		Duration bound = requestTimeout.plus(longPoll);
		try {
			return ViewPolls.shared(new ViewPolls.Poll(source, knownVersion, longPoll), bound,
					() -> view(source, knownVersion, bound));
		}
		catch (IOException ex) {
			failed(index);
			throw ex;
		}
	}

	private Optional<GlobalViewDocument> view(URI source, long knownVersion, Duration bound)
			throws IOException, InterruptedException {
		HttpResponse<String> response = get(source, VIEW + "?wait=" + longPoll.toMillis(), "\"" + knownVersion + "\"",
				bound);
		if (response.statusCode() == 304) {
			return Optional.empty();
		}
		return Optional.of(json.readValue(require(response, VIEW), GlobalViewDocument.class));
	}

	/**
	 * A merchant, or empty when there is no such merchant: from the first source that
	 * answers, each tried once, in order.
	 * @throws IOException when none did, naming the last failure
	 */
	public Optional<MerchantDocument> merchant(MerchantId id) throws IOException, InterruptedException {
		return fromFirstSource("/api/merchants/" + id, (response, where) -> response.statusCode() == 404
				? Optional.empty() : Optional.of(json.readValue(require(response, where), MerchantDocument.class)));
	}

	/**
	 * Merchants in one read, each found one present, a missing one left out: from the
	 * first source that answers, each tried once, in order.
	 * @throws IOException when none did, naming the last failure
	 */
	public Map<MerchantId, MerchantDocument> merchants(Collection<MerchantId> ids)
			throws IOException, InterruptedException {
		String path = "/internal/global/merchants?ids="
				+ ids.stream().map(MerchantId::toString).collect(Collectors.joining(","));
		return fromFirstSource(path, (response, where) -> {
			Map<MerchantId, MerchantDocument> found = new HashMap<>();
			for (JsonNode merchant : json.readTree(require(response, where)).path("merchants")) {
				MerchantDocument document = json.treeToValue(merchant, MerchantDocument.class);
				found.put(new MerchantId(Long.parseLong(document.merchantId())), document);
			}
			return found;
		});
	}

	/**
	 * A read from the first source that answers it, each tried once, in order; a source
	 * that fails is left for the next reads too.
	 * @throws IOException when none did, naming the last failure
	 */
	private <T> T fromFirstSource(String path, Answer<T> answer) throws IOException, InterruptedException {
		int first = first();
		IOException last = null;
		for (int tried = 0; tried < sources.size(); tried++) {
			int index = (first + tried) % sources.size();
			try {
				return answer.read(get(sources.get(index), path, null, requestTimeout), sources.get(index) + path);
			}
			catch (IOException ex) {
				failed(index);
				last = ex;
			}
		}
		throw Objects.requireNonNull(last);
	}

	/** Reads a source's answer; {@code where} names the source and path for errors. */
	@FunctionalInterface
	private interface Answer<T> {

		T read(HttpResponse<String> response, String where) throws IOException;

	}

	/** Where reads go first now. */
	public synchronized URI source() {
		return sources.get(current);
	}

	public List<URI> sources() {
		return sources;
	}

	/**
	 * The source to try first, back to the first one once it has been left long enough.
	 */
	private synchronized int first() {
		if (current != 0 && System.nanoTime() - leftFirstAt > preferAgainAfter.toNanos()) {
			current = 0;
		}
		return current;
	}

	/** Moves on from a source that failed, unless another read already did. */
	private synchronized void failed(int index) {
		if (current == index && sources.size() > 1) {
			current = (index + 1) % sources.size();
			if (index == 0) {
				leftFirstAt = System.nanoTime();
			}
		}
	}

	private HttpResponse<String> get(URI source, String pathAndQuery, @Nullable String ifNoneMatch, Duration timeout)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(source.resolve(pathAndQuery))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER,
					signer.sign(Caller.system(), "GET", URI.create(pathAndQuery).getRawPath(), null));
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

	/**
	 * How long a read may take.
	 *
	 * @param connect bound on opening a connection to a source
	 * @param request bound on one read, beyond the long poll
	 * @param longPoll how long a source may hold a view read while nothing changes
	 * @param preferAgainAfter how long reads stay away from the first source once it
	 * failed
	 */
	public record Timeouts(Duration connect, Duration request, Duration longPoll, Duration preferAgainAfter) {
	}

}
