package io.zonepay.order.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.order.RunningOrderService;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.TestRouting;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders follow payment events from Kafka: each event once, whatever Kafka redelivers,
 * and a poison event blocks nothing.
 */
@RunningOrderService
class PaymentEventsIntegrationTests {

	/** rz1 serves shards 0-49 in the test routing table. */
	private static final int SHARD = 7;

	private static final Duration APPLIED = Duration.ofSeconds(10);

	static KafkaProducer<String, String> producer;

	@Autowired
	RoutingTables tables;

	@Autowired
	ShardScopes scopes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry registry;

	@BeforeAll
	static void connect() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	@AfterAll
	static void disconnect() {
		producer.close(Duration.ofSeconds(1));
	}

	@BeforeEach
	void setUp() {
		tables.offer(TestRouting.evenly(1, "rz1", "rz2"));
		// The rows below are written straight to the database, which refuses them until
		// the zone holds the shard's lease.
		await().atMost(APPLIED).until(() -> scopes.holds(Shard.of(SHARD)));
	}

	@Test
	void aPaymentEventPaysTheOrderOnceHoweverOftenItIsDelivered() throws Exception {
		long order = createdOrder(1_000);
		UUID paid = UUID.randomUUID();

		send(paid, "PaymentSucceeded", "{\"paymentId\": \"5107\", \"orderId\": \"" + order + "\"}");
		send(paid, "PaymentSucceeded", "{\"paymentId\": \"5107\", \"orderId\": \"" + order + "\"}");
		UUID refunded = UUID.randomUUID();
		send(refunded, "RefundSucceeded", "{\"orderId\": \"" + order + "\", \"refundedTotal\": 400}");
		send(refunded, "RefundSucceeded", "{\"orderId\": \"" + order + "\", \"refundedTotal\": 400}");

		await().atMost(APPLIED).until(() -> status(order).equals("PARTIALLY_REFUNDED"));
		assertThat(jdbc.queryForObject("select payment_id from orders where id = ?", Long.class, order))
			.isEqualTo(5107);
		assertThat(jdbc.queryForObject("select refunded_amount from orders where id = ?", Long.class, order))
			.isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from inbox where event_id in (?, ?)", Integer.class, paid,
				refunded))
			.isEqualTo(2);
	}

	@Test
	void aPoisonEventGoesToTheDeadLetterTopicAndTheShardMovesOn() throws Exception {
		long order = createdOrder(2_000);
		double deadBefore = deadLettered();
		UUID poison = UUID.randomUUID();

		send(poison, "PaymentSucceeded", "{\"paymentId\": \"5207\", \"orderId\": \"999999907\"}");
		send(UUID.randomUUID(), "PaymentSucceeded", "{\"paymentId\": \"5307\", \"orderId\": \"" + order + "\"}");

		await().atMost(APPLIED).until(() -> status(order).equals("PAID"));
		assertThat(deadLettered()).isEqualTo(deadBefore + 1);
		List<ConsumerRecord<String, String>> dead = deadLetters();
		assertThat(dead).anySatisfy(record -> {
			assertThat(new String(record.headers().lastHeader("zonepay-event-id").value(), StandardCharsets.UTF_8))
				.isEqualTo(poison.toString());
			assertThat(new String(record.headers().lastHeader("zonepay-dlt-error").value(), StandardCharsets.UTF_8))
				.contains("unknown order 999999907");
		});
		assertThat(jdbc.queryForObject("select count(*) from inbox where event_id = ?", Integer.class, poison))
			.isZero();
	}

	@Test
	void aPaymentThatRacedACancellationStillPaysTheOrder() throws Exception {
		long order = order(1_000, "CANCELLED");

		send(UUID.randomUUID(), "PaymentSucceeded", "{\"paymentId\": \"5407\", \"orderId\": \"" + order + "\"}");

		await().atMost(APPLIED).until(() -> status(order).equals("PAID"));
		assertThat(jdbc.queryForObject("select payment_id from orders where id = ?", Long.class, order))
			.isEqualTo(5407);
	}

	@Test
	void aSecondPaymentOfAPaidOrderIsSetAsideAndTheOrderKeepsItsFirst() throws Exception {
		long order = createdOrder(1_000);
		send(UUID.randomUUID(), "PaymentSucceeded", "{\"paymentId\": \"5507\", \"orderId\": \"" + order + "\"}");
		await().atMost(APPLIED).until(() -> status(order).equals("PAID"));
		double deadBefore = deadLettered();
		UUID second = UUID.randomUUID();

		send(second, "PaymentSucceeded", "{\"paymentId\": \"5607\", \"orderId\": \"" + order + "\"}");

		await().atMost(APPLIED).until(() -> deadLettered() == deadBefore + 1);
		assertThat(jdbc.queryForObject("select payment_id from orders where id = ?", Long.class, order))
			.isEqualTo(5507);
		assertThat(jdbc.queryForObject("select count(*) from inbox where event_id = ?", Integer.class, second))
			.isZero();
	}

	private long createdOrder(long amount) {
		return order(amount, "CREATED");
	}

	private long order(long amount, String status) {
		long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 100 + SHARD;
		jdbc.update("""
				insert into orders (id, user_id, merchant_id, amount, currency, description,
				status, created_at, updated_at)
				values (?, ?, 9001, ?, 'CNY', 'tea', ?, now(), now())
				""", id, 3700 + SHARD, amount, status);
		return id;
	}

	private String status(long order) {
		return jdbc.queryForObject("select status from orders where id = ?", String.class, order);
	}

	private double deadLettered() {
		return registry.get("zonepay.events.dead.lettered").tag("topic", PaymentEvents.TOPIC).counter().count();
	}

	private static void send(UUID eventId, String type, String payload) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(PaymentEvents.TOPIC, SHARD, "key", payload);
		record.headers().add("zonepay-event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("zonepay-event-type", type.getBytes(StandardCharsets.UTF_8));
		producer.send(record).get();
	}

	private static List<ConsumerRecord<String, String>> deadLetters() {
		TopicPartition partition = new TopicPartition(PaymentEvents.TOPIC + ".dlt", SHARD);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			return consumer.poll(Duration.ofSeconds(5)).records(partition);
		}
	}

}
