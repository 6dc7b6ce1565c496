package io.zonepay.gateway.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.gateway.admission.PriorityClass;
import io.zonepay.gateway.admission.ZoneAdmission;
import io.zonepay.gateway.admission.ZoneLimiters;
import io.zonepay.gateway.routing.RoutedRequest;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.routing.RoutingTables;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** What the gateway's answers count as in the traffic history. */
class TrafficRecorderTests {

	private static final long T = 1_763_000_000L;

	private final AtomicLong clock = new AtomicLong(T);

	private final TrafficHistory history = new TrafficHistory(clock::get);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TrafficRecorder recorder = new TrafficRecorder(history, new WaterLevels(history,
			mock(ZoneLimiters.class), new GlobalData(new RoutingTables(), null, 10, Duration.ofSeconds(1)), meters));

	@Test
	void aPaymentIsAPostToPaymentsThatTheZoneTook() {
		answer(MockServerHttpRequest.post("/api/payments"), HttpStatus.CREATED, false);
		answer(MockServerHttpRequest.post("/api/payments"), HttpStatus.CONFLICT, false);
		answer(MockServerHttpRequest.get("/api/payments/1207"), HttpStatus.OK, false);
		answer(MockServerHttpRequest.post("/api/payments/1207/refunds"), HttpStatus.CREATED, false);

		ZoneSeries rz1 = lastSecond();

		assertThat(rz1.requests()[299]).isEqualTo(4);
		assertThat(rz1.payments()[299]).isEqualTo(1);
	}

	@Test
	void aRequestThisGatewayShedIsAShedOfItsClassAndNotAZoneError() {
		answer(MockServerHttpRequest.post("/api/payments"), HttpStatus.SERVICE_UNAVAILABLE, true);
		answer(MockServerHttpRequest.get("/api/orders/1207"), HttpStatus.SERVICE_UNAVAILABLE, false);

		ZoneSeries rz1 = lastSecond();

		assertThat(rz1.sheds().get("checkout")[299]).isEqualTo(1);
		assertThat(rz1.errors()[299]).as("the zone's own 503 only").isEqualTo(1);
		assertThat(rz1.payments()[299]).isZero();
	}

	@Test
	void aRequestNotRoutedToAZoneIsNotCounted() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/ops/state"));
		recorder.filter(exchange, done -> {
			done.getResponse().setStatusCode(HttpStatus.OK);
			return Mono.empty();
		}).block();

		assertThat(history.snapshot("hz", null, Map.of()).zones()).isEmpty();
	}

	@Test
	void aZonesFirstRequestPublishesItsWaterLevel() {
		answer(MockServerHttpRequest.get("/api/orders/1207"), HttpStatus.OK, false);
		answer(MockServerHttpRequest.get("/api/orders/1207"), HttpStatus.OK, false);

		assertThat(meters.get("zonepay.gateway.zone.water.level").tag("zone", "rz1").gauges()).hasSize(1);
	}

	private void answer(MockServerHttpRequest.BaseBuilder<?> request, HttpStatus status, boolean shed) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		exchange.getAttributes()
			.put(RoutedRequest.class.getName(), new RoutedRequest(ZoneId.of("rz1"), 1, Shard.of(7), "order"));
		recorder.filter(exchange, routed -> {
			if (shed) {
				routed.getAttributes().put(ZoneAdmission.PRIORITY, PriorityClass.CHECKOUT);
				routed.getAttributes().put(ZoneAdmission.SHED, true);
			}
			routed.getResponse().setStatusCode(status);
			return Mono.empty();
		}).block();
	}

	private ZoneSeries lastSecond() {
		clock.incrementAndGet();
		return history.snapshot("hz", null, Map.of()).zones().get("rz1");
	}

}
