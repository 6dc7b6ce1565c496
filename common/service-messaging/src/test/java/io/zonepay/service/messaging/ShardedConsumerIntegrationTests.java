package io.zonepay.service.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.testkit.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sharded consumer on a real broker: an idle one waits a whole poll, yet follows a new
 * routing table at once.
 */
class ShardedConsumerIntegrationTests {

	private static final ZoneId SELF = ZoneId.of("rz1");

	private static final ZoneId OTHER = ZoneId.of("rz2");

	/** Far longer than any wait below: only a wake-up can end it in time. */
	private static final Duration IDLE_POLL = Duration.ofSeconds(60);

	private final String topic = "sharded-consumer-" + UUID.randomUUID();

	private final List<String> handled = new CopyOnWriteArrayList<>();

	private final RoutingTables tables = new RoutingTables();

	private Admin admin;

	private ShardedConsumer consumer;

	@BeforeEach
	void topic() throws Exception {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
		admin.createTopics(List.of(new NewTopic(topic, Shard.COUNT, (short) 1))).all().get();
		ConsumerSettings settings = new ConsumerSettings(topic, topic + "-group", topic + ".dlt", 1,
				Duration.ofMillis(100), IDLE_POLL, 100);
		consumer = new ShardedConsumer(settings,
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), tables, SELF,
				record -> handled.add(record.value()), new SimpleMeterRegistry(), null, MessageTracing.NONE);
	}

	@AfterEach
	void stop() {
		consumer.stop();
		admin.close();
	}

	@Test
	void anIdleConsumerTakesUpAShardOfANewRoutingTableWhileItsPollWaits() throws Exception {
		tables.offer(table(1, shard -> shard == 1 ? SELF : OTHER));
		consumer.start();
		send(1, "served");
		await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("served"));
		// Its offset committed, the consumer has nothing left to do but wait a whole
		// poll.
		await().atMost(Duration.ofSeconds(10)).until(this::committed);
		send(2, "adopted");

		tables.offer(table(2, shard -> shard <= 2 ? SELF : OTHER));

		await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("adopted"));
		assertThat(handled).containsExactly("served", "adopted");
	}

	private boolean committed() throws Exception {
		return !admin.listConsumerGroupOffsets(topic + "-group").partitionsToOffsetAndMetadata().get().isEmpty();
	}

	private void send(int shard, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, shard, value, value)).get();
		}
	}

	private static RoutingTable table(long epoch, IntFunction<ZoneId> owner) {
		List<ZoneId> owners = IntStream.range(0, Shard.COUNT).mapToObj(owner).toList();
		return RoutingTable.of(epoch, owners, List.of(zone(SELF), zone(OTHER)));
	}

	private static Zone zone(ZoneId id) {
		return new Zone(id, ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, Map.of());
	}

}
