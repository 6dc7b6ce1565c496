package io.zonepay.config.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real service's liveness watch on its management port, watched as the supervisor
 * watches it, then stopped as a dying process is. The service is a config-service: every
 * ZonePay service serves the watch from service-web. Runs in order on one service, which
 * the last test stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivenessWatchIntegrationTests {

	static final Duration BOUND = Duration.ofSeconds(10);

	static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	static int management;

	static ConfigurableApplicationContext service;

	@BeforeAll
	static void start() {
		management = freePort();
		service = ConfigServiceApplication.application()
			.run("--server.port=" + freePort(), "--management.server.port=" + management,
					"--zonepay.topology.location=classpath:topology/supervised.yml",
					"--spring.datasource.url=" + SharedPostgres.createDatabase("watched"),
					"--spring.datasource.username=" + SharedPostgres.user(),
					"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"--zonepay.replication.topic=zonepay.global.changes.watched", "--zonepay.zone.id=gz",
					"--zonepay.zone.city=hz", "--zonepay.ids.node-id=1", "--zonepay.supervisor.enabled=false",
					"--zonepay.liveness-watch.max-watchers=2");
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Test
	@Order(1)
	void streamsALineOfLivenessAtThePaceAsked() throws Exception {
		HttpResponse<Stream<String>> watch = HTTP.send(watch("100ms"), HttpResponse.BodyHandlers.ofLines());
		try (Stream<String> lines = watch.body()) {
			assertThat(watch.statusCode()).isEqualTo(200);
			assertThat(watch.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
			assertThat(lines.limit(3)).containsExactly("CORRECT 1", "CORRECT 2", "CORRECT 3");
		}
	}

	@Test
	@Order(2)
	void refusesAWatcherTooManyAndOneThatAsksForNonsense() throws Exception {
		// A watcher that left keeps its place until a write to it fails, the first or the
		// second after it left: tried again after more than two lines.
		await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<Stream<String>> first = HTTP.send(watch("100ms"), HttpResponse.BodyHandlers.ofLines());
			HttpResponse<Stream<String>> second = HTTP.send(watch("100ms"), HttpResponse.BodyHandlers.ofLines());
			try (Stream<String> one = first.body(); Stream<String> other = second.body()) {
				assertThat(List.of(first.statusCode(), second.statusCode())).containsOnly(200);
				assertThat(HTTP.send(watch("100ms"), HttpResponse.BodyHandlers.discarding()).statusCode())
					.isEqualTo(429);
			}
		});
		assertThat(HTTP.send(watch("soon"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
	}

	@Test
	@Order(3)
	void aServiceThatStopsIsRefusedAtOnceAndDoesNotWaitForItsWatchers() {
		List<Zone> zones = List.of(new Zone(ZoneId.of("rz1"), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP,
				Map.of("config", URI.create("http://127.0.0.1:" + (management - 100)))));
		try (WatchingHealthChecker checker = new WatchingHealthChecker(
				new HttpHealthChecker(Duration.ofSeconds(2), 100, "/actuator/health/liveness"), Duration.ofMillis(200),
				Duration.ofSeconds(2), 100, "/actuator/liveness-watch", Clock.systemUTC())) {
			await().atMost(BOUND).until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.ANSWERED);

			long stopping = System.nanoTime();
			service.close();
			Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

			assertThat(stopped).as("the graceful stop does not wait 10 s for the stream")
				.isLessThan(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(1))
				.until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.REFUSED);
		}
	}

	private static HttpRequest watch(String interval) {
		return HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/liveness-watch?interval=" + interval))
			.timeout(Duration.ofSeconds(5))
			.build();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
