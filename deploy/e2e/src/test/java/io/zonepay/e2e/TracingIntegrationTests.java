package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One payment is one trace: from the gateway through the zone's payment-, account- and
 * order-service, over HTTP and over Kafka (the outbox's event to order-service), every
 * span a descendant of the client's. A transfer to another zone continues its trace over
 * Kafka into the payee's zone and back. The client asks for the trace to be recorded with
 * a sampled {@code traceparent}, as a caller may: the services record nothing otherwise
 * (no trace backend here).
 */
class TracingIntegrationTests {

	private static final AttributeKey<String> ZONE = AttributeKey.stringKey("zonepay.zone");

	/**
	 * The order follows within a second; two hops over Kafka with a ledger call at each
	 * end take longer.
	 */
	private static final Duration SETTLED = Duration.ofSeconds(15);

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static String merchant;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		merchant = Merchants.open(http, zonepay, "Trace Tea", "CNY", "ACTIVE");
	}

	@Test
	void aPaymentIsOneTraceAcrossTheGatewayAndThePaymentAccountAndOrderServices() {
		Customer dora = Customer.signUp(http, hz, 13);
		dora.deposit(5_000, "CNY");
		String order = dora.order(merchant, 1_200, "CNY");
		ClientSpan client = ClientSpan.sampled();

		Http.Response paid = dora.postWithHeaders("/api/payments",
				Map.of("Idempotency-Key", "traced-" + order, "traceparent", client.traceparent()),
				"{\"orderId\": \"" + order + "\"}");

		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("SUCCEEDED");
		await().atMost(SETTLED).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			List<SpanData> trace = FinishedSpans.ofTrace(client.traceId());
			assertThat(trace).extracting(FinishedSpans::service)
				.contains("gateway", "payment-service", "account-service", "order-service");
			assertThat(trace).as("the relay's publish of the payment's event and order-service's processing of it")
				.anySatisfy(span -> assertKafka(span, "payment-service", SpanKind.PRODUCER,
						"publish zonepay.payments.events"))
				.anySatisfy(span -> assertKafka(span, "order-service", SpanKind.CONSUMER,
						"process zonepay.payments.events"));
			assertOneTreeUnder(client, trace);
		});
	}

	@Test
	void aTransferToAnotherZoneContinuesItsTraceOverKafkaIntoThePayeesZoneAndBack() {
		Customer erin = Customer.signUp(http, hz, 19);
		erin.deposit(5_000, "CNY");
		Customer frank = Customer.signUp(http, zonepay.gateway("sh"), 91);
		assertThat(zonepay.zoneOf(19)).isEqualTo("rz1");
		assertThat(zonepay.zoneOf(91)).isEqualTo("rz3");
		ClientSpan client = ClientSpan.sampled();

		Http.Response sent = erin.postWithHeaders("/api/transfers",
				Map.of("Idempotency-Key", "traced-transfer-" + erin.id(), "traceparent", client.traceparent()),
				"{\"toUserId\": \"" + frank.id() + "\", \"amount\": 700, \"currency\": \"CNY\"}");

		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		String transfer = sent.json().get("transferId").asString();
		await().atMost(SETTLED)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> erin.get("/api/transfers/" + transfer).json().get("status").asString().equals("COMPLETED"));
		await().atMost(SETTLED).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			List<SpanData> trace = FinishedSpans.ofTrace(client.traceId());
			assertThat(trace).as("the payee's zone takes the request, the payer's zone its answer")
				.anySatisfy(span -> assertConsumedIn(span, "rz3", "process zonepay.transfers.requests"))
				.anySatisfy(span -> assertConsumedIn(span, "rz1", "process zonepay.transfers.results"));
			assertThat(trace).as("the payee's credit at rz3's ledger")
				.anySatisfy(span -> assertThat(FinishedSpans.service(span)).isEqualTo("account-service"));
			assertOneTreeUnder(client, trace);
		});
	}

	private static void assertKafka(SpanData span, String service, SpanKind kind, String name) {
		assertThat(FinishedSpans.service(span)).isEqualTo(service);
		assertThat(span.getKind()).isEqualTo(kind);
		assertThat(span.getName()).isEqualTo(name);
	}

	private static void assertConsumedIn(SpanData span, String zone, String name) {
		assertKafka(span, "payment-service", SpanKind.CONSUMER, name);
		assertThat(span.getAttributes().get(ZONE)).isEqualTo(zone);
	}

	/**
	 * The gateway's server span is the client's only child, and every other span's parent
	 * is a span of the same trace: no hop started a trace of its own and none lost its
	 * parent on the way.
	 */
	private static void assertOneTreeUnder(ClientSpan client, List<SpanData> trace) {
		assertThat(trace.stream().filter(span -> span.getParentSpanId().equals(client.spanId()))).singleElement()
			.satisfies(root -> assertThat(FinishedSpans.service(root)).isEqualTo("gateway"))
			.satisfies(root -> assertThat(root.getKind()).isEqualTo(SpanKind.SERVER));
		Set<String> known = new HashSet<>(List.of(client.spanId()));
		trace.forEach(span -> known.add(span.getSpanId()));
		assertThat(trace).allSatisfy(
				span -> assertThat(known).as("the parent of %s (%s)", span.getName(), FinishedSpans.service(span))
					.contains(span.getParentSpanId()));
	}

	/** The span of the calling program, which asks for its trace to be recorded. */
	private record ClientSpan(String traceId, String spanId) {

		static ClientSpan sampled() {
			HexFormat hex = HexFormat.of();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return new ClientSpan(hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()),
					hex.toHexDigits(random.nextLong()));
		}

		String traceparent() {
			return "00-" + traceId + "-" + spanId + "-01";
		}
	}

}
