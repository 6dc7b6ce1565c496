package io.zonepay.config.global;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonepay.service.relay.OrderedProducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The Kafka topic that carries the change log: a single partition, so the log keeps its
 * version order, holding JSON {@link ReplicationMessage}s. Creates the clients of the
 * relay and the replicators with explicit bounds.
 */
@Component
public class ChangeTopic {

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long the change log stays on the topic; a replica further behind than this
	 * starts again from a snapshot.
	 */
	private static final Duration RETENTION = Duration.ofDays(7);

	private final KafkaProperties kafka;

	private final ReplicationProperties properties;

	private final JsonMapper json;

	ChangeTopic(KafkaProperties kafka, ReplicationProperties properties, JsonMapper json) {
		this.kafka = kafka;
		this.properties = properties;
		this.json = json;
	}

	public TopicPartition partition() {
		return new TopicPartition(properties.topic(), 0);
	}

	public void ensureExists() throws InterruptedException, TimeoutException {
		try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
			NewTopic topic = new NewTopic(properties.topic(), 1, properties.replicationFactor())
				.configs(Map.of("retention.ms", Long.toString(RETENTION.toMillis()), "cleanup.policy", "delete"));
			admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("cannot create topic " + properties.topic(), ex.getCause());
			}
		}
	}

	/**
	 * The writer's producer: transactional under one id for every GZone of the
	 * deployment, so that the broker fences the producer of an older writer as soon as a
	 * newer one starts (Kafka's zombie fencing). Its writes never reorder or duplicate
	 * within a session, and every wait is bounded.
	 */
	public KafkaProducer<String, String> writerProducer() {
		return OrderedProducer.transactional(kafka, properties.topic() + ".writer", Duration.ofSeconds(10));
	}

	/**
	 * The writer's producer of heartbeats between its transactional ones: idempotent and
	 * acknowledged by all replicas, but in no transaction (see {@code ChangeRelay}).
	 */
	public KafkaProducer<String, String> heartbeatProducer() {
		return OrderedProducer.create(kafka);
	}

	/**
	 * A consumer without a group: replicas keep their position in their own database, not
	 * in Kafka.
	 */
	public KafkaConsumer<String, String> consumer(String clientId) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// A position that fell out of retention must be noticed, not silently skipped.
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.pollTimeout().toMillis());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return new KafkaConsumer<>(config);
	}

	public ProducerRecord<String, String> record(ReplicationMessage message) {
		return new ProducerRecord<>(properties.topic(), 0, Long.toString(message.version()),
				json.writeValueAsString(message));
	}

	public ReplicationMessage read(ConsumerRecord<String, String> record) {
		return json.readValue(record.value(), ReplicationMessage.class);
	}

	/**
	 * The last committed message on the topic, or none on an empty topic: where a relay
	 * resumes, and whether a newer writer has written. Transaction markers take offsets
	 * too, so it reads the topic's end backwards in growing steps.
	 */
	public Optional<ReplicationMessage> last() {
		try (KafkaConsumer<String, String> consumer = consumer("zonepay-relay-resume")) {
			TopicPartition partition = partition();
			consumer.assign(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
			for (long step = 16;; step *= 16) {
				long from = Math.max(0, end - step);
				consumer.seek(partition, from);
				ConsumerRecord<String, String> last = null;
				while (consumer.position(partition) < end) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException(
								"cannot read the end of " + properties.topic() + " within " + ADMIN_TIMEOUT);
					}
					for (ConsumerRecord<String, String> record : consumer.poll(properties.pollTimeout())
						.records(partition)) {
						last = record;
					}
				}
				if (last != null) {
					return Optional.of(read(last));
				}
				if (from == 0) {
					return Optional.empty();
				}
			}
		}
	}

	/**
	 * The offset after the last stable message: how far a reader must get to have
	 * everything committed so far.
	 */
	public long end() {
		try (KafkaConsumer<String, String> consumer = consumer("zonepay-end")) {
			return consumer.endOffsets(List.of(partition())).get(partition());
		}
	}

}
