package io.zonepay.testkit;

import java.util.Map;

import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, no ZooKeeper) per test JVM, started on first use. Tests
 * create the topics they need; topics keyed by shard have 100 partitions, as in
 * production.
 */
public final class SharedKafka {

	private static volatile EmbeddedKafkaKraftBroker broker;

	private SharedKafka() {
	}

	/**
	 * The broker starts before Spring configures logging, and would otherwise explain
	 * every step at info.
	 */
	private static void quiet(String... loggers) {
		for (String name : loggers) {
			if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
				logger.setLevel(ch.qos.logback.classic.Level.WARN);
			}
		}
	}

	public static String bootstrapServers() {
		return broker().getBrokersAsString();
	}

	static EmbeddedKafkaKraftBroker broker() {
		EmbeddedKafkaKraftBroker running = broker;
		if (running == null) {
			synchronized (SharedKafka.class) {
				running = broker;
				if (running == null) {
					running = start();
					broker = running;
				}
			}
		}
		return running;
	}

	private static EmbeddedKafkaKraftBroker start() {
		quiet("org.apache.kafka", "kafka", "state.change.logger");
		EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
		started.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"offsets.topic.num.partitions", "5", "transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1"));
		started.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-shutdown"));
		return started;
	}

}
