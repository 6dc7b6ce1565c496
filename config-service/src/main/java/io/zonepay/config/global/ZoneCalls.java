package io.zonepay.config.global;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;

import org.jspecify.annotations.Nullable;

/**
 * The GZone's calls to other zones' services, signed as ZonePay itself: all sent at once
 * on virtual threads, each bounded in time, none answered with an exception (a zone that
 * fails or stays silent gives the caller's fallback answer).
 */
public final class ZoneCalls implements AutoCloseable {

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private final Duration timeout;

	private final CallerSigner signer;

	public ZoneCalls(Duration timeout, CallerSigner signer) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(executor)
			.build();
		this.timeout = timeout;
		this.signer = signer;
	}

	public Duration timeout() {
		return timeout;
	}

	/**
	 * Sends a request to a service ({@code body} null: a GET, else a POST of JSON) and
	 * answers what {@code answer} makes of the response, or {@code fallback} of why there
	 * is none.
	 */
	public <T> CompletableFuture<T> call(URI service, String path, @Nullable String body,
			Function<HttpResponse<String>, T> answer, Function<String, T> fallback) {
		String method = body == null ? "GET" : "POST";
		HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), method, path, null));
		if (body != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.thenApply(answer)
			.exceptionally(failure -> fallback.apply(failure.toString()))
			.completeOnTimeout(fallback.apply("no answer within " + timeout), timeout.toMillis(),
					TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		http.shutdownNow();
		executor.close();
	}

}
