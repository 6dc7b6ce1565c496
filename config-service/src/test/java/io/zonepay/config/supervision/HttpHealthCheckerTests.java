package io.zonepay.config.supervision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health checks over real HTTP, against servers that answer, fail, hang or are not there.
 */
class HttpHealthCheckerTests {

	static final int OFFSET = 100;

	final CountDownLatch hung = new CountDownLatch(1);

	final HttpServer alive = server(200);

	final HttpServer failing = server(503);

	final HttpServer hanging = server(0);

	final HttpHealthChecker checker = new HttpHealthChecker(Duration.ofSeconds(1), OFFSET, "/actuator/health/liveness");

	@AfterEach
	void stop() {
		hung.countDown();
		checker.close();
		List.of(alive, failing, hanging).forEach(server -> server.stop(0));
	}

	@Test
	void asksEachServiceAtItsManagementPortAndHealthPath() {
		assertThat(checker.healthOf(URI.create("http://localhost:9111")))
			.isEqualTo(URI.create("http://localhost:9211/actuator/health/liveness"));
		assertThat(checker.healthOf(URI.create("http://account.rz1")))
			.isEqualTo(URI.create("http://account.rz1:180/actuator/health/liveness"));
	}

	@Test
	void aZoneAnswersOnlyWhenEveryServiceAnswersHealthyInTimeAndIsSlowOnlyWhenNoneRefused() throws IOException {
		Zone healthy = zone("rz1", Map.of("account", serviceOf(alive), "order", serviceOf(alive)));
		Zone oneServiceFailing = zone("rz2", Map.of("account", serviceOf(alive), "order", serviceOf(failing)));
		Zone oneServiceHanging = zone("rz3", Map.of("account", serviceOf(alive), "payment", serviceOf(hanging)));
		Zone gone = zone("rz4", Map.of("account", URI.create("http://127.0.0.1:" + (freePort() - OFFSET))));
		Zone unknown = zone("rz5", Map.of());

		long started = System.nanoTime();
		Map<ZoneId, Check> answers = checker
			.check(List.of(healthy, oneServiceFailing, oneServiceHanging, gone, unknown));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("every check runs at once, bounded")
			.isLessThan(Duration.ofSeconds(3));
		assertThat(answers).containsExactly(Map.entry(ZoneId.of("rz1"), Check.ANSWERED),
				Map.entry(ZoneId.of("rz2"), Check.REFUSED), Map.entry(ZoneId.of("rz3"), Check.SLOW),
				Map.entry(ZoneId.of("rz4"), Check.REFUSED));
	}

	/** A server whose health path answers the status, or never answers for 0. */
	private HttpServer server(int status) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/actuator/health/liveness", exchange -> {
				if (status == 0) {
					try {
						hung.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				exchange.sendResponseHeaders(status == 0 ? 200 : status, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static URI serviceOf(HttpServer management) {
		return URI.create("http://127.0.0.1:" + (management.getAddress().getPort() - OFFSET));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Zone zone(String id, Map<String, URI> endpoints) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, endpoints);
	}

}
