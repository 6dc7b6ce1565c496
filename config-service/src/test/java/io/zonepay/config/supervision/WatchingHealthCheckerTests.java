package io.zonepay.config.supervision;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.zonepay.config.supervision.FakeWatchedService.OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health checks from liveness streams, against fake services over real sockets that
 * stream, fall silent, end their streams, die and come back, or serve no watch.
 */
class WatchingHealthCheckerTests {

	static final Duration TIMEOUT = Duration.ofMillis(500);

	static final Duration BOUND = Duration.ofSeconds(10);

	final List<FakeWatchedService> services = new ArrayList<>();

	final WatchingHealthChecker checker = checker(Duration.ofMillis(100));

	@AfterEach
	void stop() {
		checker.close();
		services.forEach(FakeWatchedService::close);
	}

	@Test
	void aZoneAnswersWhenEveryServiceSaysItIsLiveAndIsRefusedWhenOneSaysItIsNot() throws IOException {
		FakeWatchedService broken = service();
		broken.say("BROKEN");
		Zone live = zone("rz1", service(), service());
		Zone oneBroken = zone("rz2", service(), broken);
		Zone gone = zone("rz3", URI.create("http://127.0.0.1:" + (freePort() - OFFSET)));
		Zone unknown = zone("rz4");

		Map<ZoneId, Check> answers = checker.check(List.of(live, oneBroken, gone, unknown));

		assertThat(answers).as("the first round waits for every stream's first word")
			.containsExactly(Map.entry(ZoneId.of("rz1"), Check.ANSWERED), Map.entry(ZoneId.of("rz2"), Check.REFUSED),
					Map.entry(ZoneId.of("rz3"), Check.REFUSED));
	}

	@Test
	void asksForALineEveryRoundAndAtLeastTwoPerTimeout() {
		FakeWatchedService service = service();
		try (WatchingHealthChecker slowRounds = checker(Duration.ofSeconds(5))) {
			checker.check(List.of(zone("rz1", service)));
			slowRounds.check(List.of(zone("rz1", service)));
		}

		assertThat(service.requests()).containsExactly("/actuator/liveness-watch?interval=100ms",
				"/actuator/liveness-watch?interval=250ms");
	}

	@Test
	void oneStreamServesRoundAfterRoundForAsLongAsTheServiceKeepsIt() {
		FakeWatchedService service = service();
		List<Zone> zones = List.of(zone("rz1", service));

		await().during(TIMEOUT.multipliedBy(4))
			.atMost(TIMEOUT.multipliedBy(8))
			.until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.ANSWERED);

		assertThat(service.requests()).as("the check timeout bounds the answer's head, not the stream").hasSize(1);
	}

	@Test
	void aKilledServiceIsRefusedAtOnceAndAnswersAgainOnceStartedAgain() {
		FakeWatchedService service = service();
		List<Zone> zones = List.of(zone("rz1", service));
		assertThat(checker.check(zones)).containsEntry(ZoneId.of("rz1"), Check.ANSWERED);

		service.kill();

		await().atMost(Duration.ofSeconds(1)).until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.REFUSED);
		assertThat(checker.check(zones)).as("connecting is refused too").containsEntry(ZoneId.of("rz1"), Check.REFUSED);
		services.add(new FakeWatchedService(service.port()));
		await().atMost(BOUND).until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.ANSWERED);
	}

	@Test
	void aServiceThatFallsSilentIsSlowAndIsHeardAgainWhenItSpeaks() {
		FakeWatchedService service = service();
		List<Zone> zones = List.of(zone("rz1", service));
		assertThat(checker.check(zones)).containsEntry(ZoneId.of("rz1"), Check.ANSWERED);

		service.fallSilent(true);
		await().atMost(BOUND).until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.SLOW);
		// A stream silent for three timeouts is given up and opened again.
		await().atMost(BOUND).until(() -> checker.check(zones) != null && service.requests().size() > 1);
		assertThat(checker.check(zones)).containsEntry(ZoneId.of("rz1"), Check.SLOW);
		service.fallSilent(false);

		await().atMost(BOUND).until(() -> checker.check(zones).get(ZoneId.of("rz1")) == Check.ANSWERED);
	}

	@Test
	void aServiceThatAcceptsConnectionsButAnswersNothingIsSlow() {
		FakeWatchedService frozen = service();
		frozen.stopAnswering();

		assertThat(checker.check(List.of(zone("rz1", frozen)))).containsEntry(ZoneId.of("rz1"), Check.SLOW);
	}

	@Test
	void aStreamTheServiceEndsIsOpenedAgainWithoutAMiss() {
		FakeWatchedService service = service();
		service.endStreamsAfter(3);
		List<Zone> zones = List.of(zone("rz1", service));
		List<Check> checks = new ArrayList<>();

		await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(() -> {
			checks.add(checker.check(zones).get(ZoneId.of("rz1")));
			return service.streamsEnded() >= 3;
		});

		assertThat(checks).containsOnly(Check.ANSWERED);
	}

	@Test
	void aServiceWithoutAWatchOrWithoutRoomForAnotherIsPolled() {
		FakeWatchedService older = service();
		older.answerWatchWith(404);
		FakeWatchedService full = service();
		full.answerWatchWith(429);
		full.answerHealthWith(503);

		Map<ZoneId, Check> answers = checker.check(List.of(zone("rz1", older), zone("rz2", full)));

		assertThat(answers).containsExactly(Map.entry(ZoneId.of("rz1"), Check.ANSWERED),
				Map.entry(ZoneId.of("rz2"), Check.REFUSED));
		assertThat(older.requests()).containsExactly("/actuator/liveness-watch?interval=100ms",
				"/actuator/health/liveness");
		checker.check(List.of(zone("rz1", older)));
		assertThat(older.requests()).as("polled each round, the watch not tried again yet")
			.endsWith("/actuator/health/liveness", "/actuator/health/liveness")
			.hasSize(3);
	}

	@Test
	void aWatchAnsweredWithAnotherStatusIsRefused() {
		FakeWatchedService stopping = service();
		stopping.answerWatchWith(503);

		assertThat(checker.check(List.of(zone("rz1", stopping)))).containsEntry(ZoneId.of("rz1"), Check.REFUSED);
	}

	@Test
	void stopsWatchingAServiceThatLeftTheTable() {
		FakeWatchedService service = service();
		checker.check(List.of(zone("rz1", service)));
		assertThat(service.openStreams()).isOne();

		assertThat(checker.check(List.of())).isEmpty();

		await().atMost(BOUND).until(() -> service.openStreams() == 0);
	}

	private WatchingHealthChecker checker(Duration interval) {
		return new WatchingHealthChecker(new HttpHealthChecker(TIMEOUT, OFFSET, "/actuator/health/liveness"), interval,
				TIMEOUT, OFFSET, "/actuator/liveness-watch", Clock.systemUTC());
	}

	private FakeWatchedService service() {
		FakeWatchedService service = new FakeWatchedService();
		services.add(service);
		return service;
	}

	private static Zone zone(String id, FakeWatchedService... services) {
		Map<String, URI> endpoints = new LinkedHashMap<>();
		for (FakeWatchedService service : services) {
			endpoints.put("service" + endpoints.size(), service.endpoint());
		}
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, endpoints);
	}

	private static Zone zone(String id, URI endpoint) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, Map.of("account", endpoint));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
