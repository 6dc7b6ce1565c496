package io.zonepay.e2e;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.payment.payment.PaymentEvents;
import io.zonepay.payment.payment.PaymentPosted;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.SharedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payment-service that dies mid-payment, or a ledger that is gone when it is needed,
 * never leaves a payment SUCCEEDED without its posting or FAILED with one, and never
 * debits twice.
 */
class PaymentCrashIntegrationTests {

	/**
	 * The reconciler settles a payment five seconds after it was left (as configured for
	 * these tests) and runs twice a second.
	 */
	private static final Duration SETTLED = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static String merchant;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		merchant = Merchants.open(http, zonepay, "Night Market", "CNY", "ACTIVE");
		// These crashes are of one service for a few seconds, to be recovered in place:
		// the GZone must not fail the zone
		// over meanwhile (FailoverIntegrationTests does that).
		zonepay.automaticFailover(false);
	}

	@AfterAll
	static void noMoneyWasCreatedOrDestroyed() {
		zonepay.automaticFailover(true);
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	@Test
	void aPaymentCrashedAfterItsPostingEndsSucceededOnceAfterARestart() {
		Customer kim = Customer.signUp(http, zonepay.gateway("hz"), 40);
		String zone = zonepay.zoneOf(40);
		kim.deposit(5_000, "CNY");
		String order = kim.order(merchant, 1_200, "CNY");
		restart(zone, "payment", new CrashAfterPosting());

		Http.Response crashed = kim.pay(order, "kim-pays");

		assertThat(crashed.status()).as(crashed.body()).isEqualTo(500);
		assertThat(kim.balance("CNY")).as("the posting went through").isEqualTo(3_800);
		assertThat(paymentsOf(zone, order)).as("and the payment does not know it yet").containsExactly("PENDING");

		restart(zone, "payment");

		await().atMost(SETTLED).until(() -> kim.orderStatus(order).equals("PAID"));
		String paymentId = kim.get("/api/orders/" + order).json().get("paymentId").asString();
		assertThat(kim.get("/api/payments/" + paymentId).json().get("status").asString()).isEqualTo("SUCCEEDED");
		// The crashed request's key is still claimed; once its lease runs out, the same
		// request takes it over and is
		// answered with the payment it made.
		AtomicReference<Http.Response> retried = new AtomicReference<>();
		await().atMost(SETTLED).pollInterval(Duration.ofMillis(500)).until(() -> {
			retried.set(kim.pay(order, "kim-pays"));
			return retried.get().status() != 409;
		});
		assertThat(retried.get().status()).as(retried.get().body()).isEqualTo(201);
		assertThat(retried.get().json().get("paymentId").asString()).isEqualTo(paymentId);
		assertThat(retried.get().json().get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(kim.balance("CNY")).isEqualTo(3_800);
		assertThat(kim.ledger()).filteredOn(entry -> entry.get("kind").asString().equals("PAYMENT")).hasSize(1);
		assertThat(paymentsOf(zone, order)).containsExactly("SUCCEEDED");
		assertThat(succeededEventsOf(paymentId)).as("PaymentSucceeded events").isEqualTo(1);
	}

	@Test
	void aPaymentWhoseLedgerWasDownEndsWithTheLedgersAnswer() {
		Customer lee = Customer.signUp(http, zonepay.gateway("sh"), 20);
		String zone = zonepay.zoneOf(20);
		lee.deposit(5_000, "CNY");
		String order = lee.order(merchant, 700, "CNY");

		zonepay.stop(zone, "account");
		Http.Response unavailable;
		try {
			unavailable = lee.pay(order, "lee-pays");
		}
		finally {
			zonepay.startZoneService(zone, "account");
		}

		assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
		assertThat(unavailable.json().get("code").asString()).isEqualTo("ZONE_UNAVAILABLE");
		String paymentId = unavailable.json().get("paymentId").asString();
		// The retry and the reconciler race to settle it; whichever wins, the ledger's
		// answer decides.
		AtomicReference<Http.Response> retried = new AtomicReference<>();
		await().atMost(SETTLED).pollInterval(Duration.ofMillis(250)).until(() -> {
			retried.set(lee.pay(order, "lee-pays"));
			return retried.get().status() == 201;
		});
		JsonNode payment = retried.get().json();
		assertThat(payment.get("paymentId").asString()).isEqualTo(paymentId);
		long debits = lee.ledger()
			.valueStream()
			.filter(entry -> entry.get("kind").asString().equals("PAYMENT"))
			.count();
		if (payment.get("status").asString().equals("SUCCEEDED")) {
			assertThat(debits).isEqualTo(1);
			assertThat(lee.balance("CNY")).isEqualTo(4_300);
		}
		else {
			assertThat(payment.get("failureCode").asString()).isEqualTo("NOT_COMPLETED");
			assertThat(debits).isZero();
			assertThat(lee.balance("CNY")).isEqualTo(5_000);
		}
		// The answer may have come from the reconciler without a call to the ledger,
		// leaving the breaker that the
		// outage opened still open for the next test.
		zonepay.closeZoneCallBreakers(zone);
	}

	private static void restart(String zone, String service, ApplicationListener<?>... listeners) {
		zonepay.stop(zone, service);
		zonepay.startZoneService(zone, service, listeners);
	}

	private static List<String> paymentsOf(String zone, String order) {
		return column(zone, "select status from payments where order_id = " + Long.parseLong(order));
	}

	/**
	 * Reads the payment's shard partition from its start: how many times PaymentSucceeded
	 * was told for the payment.
	 */
	private static long succeededEventsOf(String paymentId) {
		TopicPartition partition = new TopicPartition(PaymentEvents.TOPIC, (int) (Long.parseLong(paymentId) % 100));
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			long told = 0;
			for (int poll = 0; poll < 20 && consumer.position(partition) < end; poll++) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					Header type = record.headers().lastHeader(Outbox.EVENT_TYPE);
					if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("PaymentSucceeded")
							&& JSON.readTree(record.value()).get("paymentId").asString().equals(paymentId)) {
						told++;
					}
				}
			}
			assertThat(consumer.position(partition)).as("read the whole partition").isGreaterThanOrEqualTo(end);
			return told;
		}
	}

	private static List<String> column(String zone, String sql) {
		try (Connection connection = DriverManager.getConnection(zonepay.database(zone, "payment"),
				SharedPostgres.user(), "");
				PreparedStatement query = connection.prepareStatement(sql);
				ResultSet result = query.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Fails the request at the worst line, as a killed process would: the posting exists,
	 * the payment still says PENDING.
	 */
	static final class CrashAfterPosting implements ApplicationListener<PayloadApplicationEvent<PaymentPosted>> {

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<PaymentPosted> event) {
			throw new SimulatedCrash();
		}

	}

	/**
	 * An Error, not an exception: nothing in the service catches it to tidy up, just as
	 * nothing would after a kill.
	 */
	static final class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("simulated crash right after the posting", null, false, false);
		}

	}

}
