package io.zonepay.service.relay;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The producer every relay publishes with: acknowledged by all replicas, idempotent and
 * ordered, so retries never reorder or duplicate within a session (across crashes it is
 * at least once, which consumers absorb), and every wait bounded.
 */
public final class OrderedProducer {

	private OrderedProducer() {
	}

	public static KafkaProducer<String, String> create(KafkaProperties kafka) {
		return new KafkaProducer<>(config(kafka));
	}

	/**
	 * The same, transactional under {@code transactionalId}: a newer producer with that
	 * id fences an older one at the broker (Kafka's zombie fencing), and a transaction
	 * left open longer than {@code transactionTimeout} is aborted.
	 */
	public static KafkaProducer<String, String> transactional(KafkaProperties kafka, String transactionalId,
			Duration transactionTimeout) {
		Map<String, Object> config = config(kafka);
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
		return new KafkaProducer<>(config);
	}

	private static Map<String, Object> config(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return config;
	}

}
