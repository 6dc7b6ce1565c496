package io.zonepay.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.StatementLog;
import io.zonepay.testkit.StatementLog.Summary;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a payment costs the order database, counted at the JDBC driver: payment-service's
 * look-up of the order (on a request thread) and the payment's event that marks the order
 * paid (on the consumer's thread), in statements and transactions.
 */
@RunningOrderService
class OrderCostIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(OrderCostIntegrationTests.class);

	/** rz1 serves shards 0-49 in the test routing table. */
	private static final int SHARD = 7;

	private static final String TOPIC = "zonepay.payments.events";

	private static final Duration APPLIED = Duration.ofSeconds(10);

	/** Tomcat's request threads: the background jobs' statements are not a request's. */
	private static final Predicate<String> REQUESTS = thread -> thread.contains("-exec-");

	/** The thread of the payment events' consumer. */
	private static final Predicate<String> CONSUMER = thread -> thread.equals("consumer-" + TOPIC);

	static KafkaProducer<String, String> producer;

	@LocalServerPort
	int port;

	@Autowired
	RoutingTables tables;

	@Autowired
	ShardScopes scopes;

	@Autowired
	JdbcTemplate jdbc;

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
	void warmUp() {
		tables.offer(TestRouting.evenly(1, "rz1", "rz2"));
		await().atMost(APPLIED).until(() -> scopes.holds(Shard.of(SHARD)));
		// The first look-up and event of a context open connections and warm caches: not
		// what a payment costs. Once the event is applied, so is everything before it on
		// the shard's partition.
		long order = createdOrder(1_000);
		lookUp(order);
		paid(order, UUID.randomUUID(), 5_007);
	}

	@Test
	void theLookUpOfAnOrderIsOneStatementOutsideATransaction() {
		long order = createdOrder(3_000);

		StatementLog.clear();
		lookUp(order);
		Summary cost = StatementLog.of(REQUESTS);

		log.info("An order's look-up: {}", cost);
		assertThat(cost.statements()).as(cost.toString()).isEqualTo(1);
		assertThat(cost.roundTrips()).as(cost.toString()).isEqualTo(1);
	}

	@Test
	void aPaymentEventPaysItsOrderInOneTransactionOfTwoStatements() {
		long order = createdOrder(3_000);

		StatementLog.clear();
		paid(order, UUID.randomUUID(), 5_107);
		Summary cost = StatementLog.of(CONSUMER);

		log.info("A payment event: {}", cost);
		assertThat(cost.commits()).as(cost.toString()).isEqualTo(1);
		assertThat(cost.statements()).as(cost.toString()).isEqualTo(2);
		assertThat(cost.rollbacks()).as(cost.toString()).isZero();
	}

	@Test
	void aRedeliveredPaymentEventIsOneStatement() {
		long order = createdOrder(3_000);
		UUID event = UUID.randomUUID();
		paid(order, event, 5_207);

		StatementLog.clear();
		paid(order, event, 5_207);
		long later = createdOrder(3_000);
		// Applied in the partition's order: once the next event paid its order, the
		// redelivery is behind it.
		paid(later, UUID.randomUUID(), 5_307);
		Summary cost = StatementLog.of(CONSUMER);

		log.info("A redelivered payment event and a new one: {}", cost);
		assertThat(cost.statements()).as(cost.toString()).isEqualTo(1 + 2);
		assertThat(cost.commits()).as(cost.toString()).isEqualTo(1 + 1);
	}

	/**
	 * Not on a payment's way: the order is read and decides, then is written over the
	 * version it was read at.
	 */
	@Test
	void aRefundEventRecordsItsRefundsInOneTransactionOfThreeStatements() {
		long order = createdOrder(3_000);
		paid(order, UUID.randomUUID(), 5_407);

		StatementLog.clear();
		send(UUID.randomUUID(), "RefundSucceeded", "{\"orderId\": \"" + order + "\", \"refundedTotal\": 1000}");
		await().atMost(APPLIED).until(() -> status(order).equals("PARTIALLY_REFUNDED"));
		Summary cost = StatementLog.of(CONSUMER);

		log.info("A refund event: {}", cost);
		assertThat(cost.commits()).as(cost.toString()).isEqualTo(1);
		assertThat(cost.statements()).as(cost.toString()).isEqualTo(3);
	}

	private void lookUp(long order) {
		String path = "/internal/orders/" + order;
		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.build()
			.get()
			.uri(path)
			.header(ZonePayHeaders.CALLER, TestCallers.sign(Caller.system(), "GET", path, null))
			.header(ZonePayHeaders.SHARD, Integer.toString(SHARD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CREATED");
	}

	/** Sends the payment's event and waits until the order is paid. */
	private void paid(long order, UUID event, long payment) {
		send(event, "PaymentSucceeded", "{\"paymentId\": \"" + payment + "\", \"orderId\": \"" + order + "\"}");
		await().atMost(APPLIED).until(() -> status(order).equals("PAID"));
	}

	private long createdOrder(long amount) {
		long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 100 + SHARD;
		jdbc.update("""
				insert into orders (id, user_id, merchant_id, amount, currency, description,
				status, created_at, updated_at)
				values (?, ?, 9001, ?, 'CNY', 'tea', 'CREATED', now(), now())
				""", id, 3700 + SHARD, amount);
		return id;
	}

	private String status(long order) {
		return jdbc.queryForObject("select status from orders where id = ?", String.class, order);
	}

	private static void send(UUID eventId, String type, String payload) {
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, SHARD, "key", payload);
		record.headers().add("zonepay-event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("zonepay-event-type", type.getBytes(StandardCharsets.UTF_8));
		try {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot send " + type, ex);
		}
	}

}
