package io.zonepay.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks whether a process is ready, with a bound on every question. */
final class Readiness {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	/** Whether a Spring Boot service reports itself ready on its management port. */
	boolean serviceReady(int managementPort) {
		return healthy(managementPort, "readiness");
	}

	/**
	 * Whether a Spring Boot service has started (its context refreshed, its web servers
	 * up), ready or not.
	 */
	boolean serviceLive(int managementPort) {
		return healthy(managementPort, "liveness");
	}

	private boolean healthy(int managementPort, String group) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/" + group))
			.timeout(TIMEOUT)
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
