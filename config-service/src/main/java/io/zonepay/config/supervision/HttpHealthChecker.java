package io.zonepay.config.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;

/**
 * Checks zones over HTTP: every service endpoint of every zone at once, each at its
 * management port (service port plus the offset) and health path. A service is alive when
 * it answers 2xx within the check timeout; a refused connection, another status or any
 * other error is a refusal; no answer within the timeout is slow.
 */
final class HttpHealthChecker implements HealthChecker, AutoCloseable {

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private final Duration timeout;

	private final int portOffset;

	private final String path;

	HttpHealthChecker(Duration timeout, int portOffset, String path) {
		this.http = client(timeout, executor);
		this.timeout = timeout;
		this.portOffset = portOffset;
		this.path = path;
	}

	/**
	 * The client of the supervisor's checks: HTTP/1.1, no redirects, connects bounded.
	 */
	static HttpClient client(Duration timeout, ExecutorService executor) {
		return HttpClient.newBuilder()
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(executor)
			.build();
	}

	@Override
	public Map<ZoneId, Check> check(List<Zone> zones) {
		Map<ZoneId, List<CompletableFuture<Check>>> checks = new LinkedHashMap<>();
		zones.stream()
			.filter(zone -> !zone.endpoints().isEmpty())
			.forEach(zone -> checks.put(zone.id(), zone.endpoints().values().stream().map(this::alive).toList()));
		Map<ZoneId, Check> answers = new LinkedHashMap<>();
		checks.forEach((zone, services) -> answers.put(zone,
				Check.worst(services.stream().map(CompletableFuture::join).toList())));
		return answers;
	}

	/**
	 * The management URL of a service, as
	 * {@code http://host:(port + offset)/health-path}.
	 */
	URI healthOf(URI endpoint) {
		return atManagementPort(endpoint, portOffset, path);
	}

	/**
	 * A path at a service's management port, as {@code http://host:(port + offset)/path}.
	 */
	static URI atManagementPort(URI endpoint, int portOffset, String pathAndQuery) {
		int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
		return URI.create("http://" + endpoint.getHost() + ":" + (port + portOffset) + pathAndQuery);
	}

	/** One service's check, complete within the timeout. */
	CompletableFuture<Check> alive(URI endpoint) {
		HttpRequest request = HttpRequest.newBuilder(healthOf(endpoint)).timeout(timeout).GET().build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.thenApply(response -> response.statusCode() / 100 == 2 ? Check.ANSWERED : Check.REFUSED)
			.exceptionally(failure -> timedOut(failure) ? Check.SLOW : Check.REFUSED)
			// Connecting and answering each have the timeout; together they must not take
			// longer either.
			.completeOnTimeout(Check.SLOW, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether a failure is a timeout, connecting or answering, however the client wrapped
	 * it.
	 */
	static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		http.shutdownNow();
		executor.close();
	}

}
