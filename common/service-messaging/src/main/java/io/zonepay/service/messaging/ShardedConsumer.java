package io.zonepay.service.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.shardgroup.ShardScopes;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Reads a topic keyed by shard (partition = shard) for exactly the shards this zone
 * serves at the current routing epoch, and follows the routing table when it changes.
 * Each event is tried a bounded number of times, then set aside on the dead-letter topic
 * so that one poison event never blocks its shard. Offsets are committed under the role's
 * group after each batch: delivery is at least once, which handlers absorb with the
 * inbox. Each attempt at an event is a span that continues the trace the event carries. A
 * shadow event (the {@value Traffic#KAFKA_HEADER} header) is handled as shadow work, on
 * shadow storage, by the same handler; an event whose tag cannot be read is never handled
 * as real, and ends on the dead-letter topic.
 */
public final class ShardedConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShardedConsumer.class);

	private final ConsumerSettings settings;

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> producerConfig;

	private final RoutingTables tables;

	private final ZoneId self;

	private final EventHandler handler;

	private final MeterRegistry registry;

	private final Counter deadLettered;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	private volatile @Nullable KafkaConsumer<String, String> consumer;

	private @Nullable KafkaProducer<String, String> deadLetters;

	private @Nullable KafkaClientMetrics metrics;

	private final @Nullable ShardScopes scopes;

	private final MessageTracing tracing;

	private static final int FETCH_MAX_WAIT_MS = 5_000;

	private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

	/** Handled and not yet committed; only the consumer's thread touches it. */
	private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

	private long lastCommit = System.nanoTime();

	private long assignedEpoch = -1;

	private long assignedLeases = -1;

	public ShardedConsumer(ConsumerSettings settings, Map<String, Object> consumerConfig,
			Map<String, Object> producerConfig, RoutingTables tables, ZoneId self, EventHandler handler,
			MeterRegistry registry, @Nullable ShardScopes scopes, MessageTracing tracing) {
		this.scopes = scopes;
		this.tracing = tracing;
		this.settings = settings;
		this.consumerConfig = consumerConfig;
		this.producerConfig = producerConfig;
		this.tables = tables;
		this.self = self;
		this.handler = handler;
		this.registry = registry;
		this.deadLettered = Counter.builder("zonepay.events.dead.lettered")
			.tag("topic", settings.topic())
			.register(registry);
		// An idle consumer waits a whole poll; what it must follow at once wakes it.
		tables.whenNewer(this::wake);
		if (scopes != null) {
			scopes.whenChanged(this::wake);
		}
	}

	@Override
	public void start() {
		running = true;
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		Thread consumerThread = new Thread(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			loop();
		}, "consumer-" + settings.topic());
		consumerThread.setDaemon(true);
		thread = consumerThread;
		consumerThread.start();
	}

	private void loop() {
		boolean failing = false;
		while (running) {
			try {
				KafkaConsumer<String, String> kafka = connect();
				if (!followRouting(kafka)) {
					LockSupport.parkNanos(settings.pollTimeout().toNanos());
					continue;
				}
				// Following the routing may have replaced the consumer.
				kafka = Objects.requireNonNull(consumer);
				process(kafka, partitioned(kafka.poll(pollTimeout())));
				failing = false;
			}
			catch (WakeupException ex) {
				// stop(), or a new routing table or lease, woke the consumer.
			}
			catch (Exception ex) {
				if (!failing) {
					log.warn("Consuming {} failed ({}); retrying", settings.topic(), ex.toString());
					failing = true;
				}
				disconnect();
				sleep(Duration.ofMillis(500));
			}
		}
		disconnect();
	}

	/**
	 * Assigns the partitions of the shards this zone serves and, with shard groups, holds
	 * the lease of: an adopted shard's events wait until its lease is taken, a lost
	 * shard's stop at once. Answers whether it has any.
	 */
	private boolean followRouting(KafkaConsumer<String, String> kafka) {
		RoutingTable table = tables.current();
		if (table == null) {
			return false;
		}
		long leases = scopes == null ? 0 : scopes.version();
		if (table.epoch() != assignedEpoch || leases != assignedLeases) {
			Set<Shard> held = scopes == null ? null : scopes.held();
			Set<TopicPartition> partitions = table.shardsOf(self)
				.stream()
				.filter(shard -> held == null || held.contains(shard))
				.map(shard -> new TopicPartition(settings.topic(), shard.value()))
				.collect(Collectors.toSet());
			commit(kafka);
			if (!kafka.assignment().isEmpty() && !partitions.equals(kafka.assignment())) {
				// A fetch in flight holds the old partitions for up to the fetch wait; a
				// new
				// consumer fetches the new set at once (this happens on a failover or
				// move).
				disconnect();
				kafka = connect();
			}
			kafka.assign(partitions);
			assignedEpoch = table.epoch();
			assignedLeases = leases;
			log.info("Consuming {} partitions of {} at routing epoch {}", partitions.size(), settings.topic(),
					table.epoch());
		}
		return !kafka.assignment().isEmpty();
	}

	/**
	 * Handles a poll's records, partition by partition in offset order. Their offsets are
	 * committed at most every {@link #COMMIT_EVERY}, and at once when a poll finds
	 * nothing: a crash (or a shard handed to another zone) redelivers at most that much,
	 * which the handler's inbox absorbs, and a busy consumer stops paying the broker a
	 * commit per poll (one per event at a payment's pace).
	 */
	private void process(KafkaConsumer<String, String> kafka,
			Map<TopicPartition, List<ConsumerRecord<String, String>>> batch) {
		batch.forEach((partition, records) -> {
			records.forEach(this::handleWithRetries);
			uncommitted.put(partition, new OffsetAndMetadata(records.getLast().offset() + 1));
		});
		if (batch.isEmpty() || System.nanoTime() - lastCommit >= COMMIT_EVERY.toNanos()) {
			commit(kafka);
		}
	}

	/**
	 * A whole poll when nothing waits to be committed; else at most until the commit is
	 * due, which the empty poll then makes.
	 */
	private Duration pollTimeout() {
		Duration whole = settings.pollTimeout();
		return uncommitted.isEmpty() || whole.compareTo(COMMIT_EVERY) < 0 ? whole : COMMIT_EVERY;
	}

	/**
	 * Ends a poll or a pause early, on the thread that changed the routing or the leases:
	 * the loop then follows the change at once.
	 */
	private void wake() {
		KafkaConsumer<String, String> kafka = consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		Thread consumerThread = thread;
		if (consumerThread != null) {
			LockSupport.unpark(consumerThread);
		}
	}

	private void commit(KafkaConsumer<String, String> kafka) {
		if (!uncommitted.isEmpty()) {
			kafka.commitSync(uncommitted);
			uncommitted.clear();
		}
		lastCommit = System.nanoTime();
	}

	private void handleWithRetries(ConsumerRecord<String, String> record) {
		Duration pause = settings.backoff();
		for (int attempt = 1;; attempt++) {
			try {
				handle(record);
				return;
			}
			catch (Exception ex) {
				if (attempt >= settings.maxAttempts()) {
					deadLetter(record, ex);
					return;
				}
				sleep(pause);
				pause = pause.multipliedBy(2);
			}
		}
	}

	/**
	 * Handles an event bound to its shard (partition = shard), so it uses the shard
	 * group's database, and to its traffic, so a shadow event uses its shadow schema.
	 */
	private void handle(ConsumerRecord<String, String> record) throws Exception {
		Traffic traffic = trafficOf(record);
		if (traffic.isShadow()) {
			MDC.put("traffic", traffic.tag());
		}
		try (TrafficScope.Scope bound = TrafficScope.enter(traffic)) {
			if (scopes == null) {
				tracing.consuming(record, self, handler);
				return;
			}
			try (ShardScopes.Scope ignored = scopes.enter(Shard.of(record.partition()))) {
				tracing.consuming(record, self, handler);
			}
		}
		finally {
			MDC.remove("traffic");
		}
	}

	/** The traffic an event's header names: none is real. */
	static Traffic trafficOf(ConsumerRecord<String, String> record) {
		Header tag = record.headers().lastHeader(Traffic.KAFKA_HEADER);
		return Traffic.ofTag(tag == null ? null : new String(tag.value(), StandardCharsets.UTF_8));
	}

	private void deadLetter(ConsumerRecord<String, String> record, Exception failure) {
		log.error("Event at {}-{}@{} failed {} times; moving it to {}", record.topic(), record.partition(),
				record.offset(), settings.maxAttempts(), settings.deadLetterTopic(), failure);
		ProducerRecord<String, String> dead = new ProducerRecord<>(settings.deadLetterTopic(), record.partition(),
				record.key(), record.value());
		record.headers().forEach(header -> dead.headers().add(header));
		dead.headers()
			.add("zonepay-dlt-original", (record.topic() + "-" + record.partition() + "@" + record.offset())
				.getBytes(StandardCharsets.UTF_8));
		dead.headers().add("zonepay-dlt-error", String.valueOf(failure).getBytes(StandardCharsets.UTF_8));
		try {
			producer().send(dead).get();
			deadLettered.increment();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			// Without its dead-letter copy the event must not be skipped: fail the batch,
			// and it is read again.
			throw new IllegalStateException("cannot move a poison event to " + settings.deadLetterTopic(), ex);
		}
	}

	private Map<TopicPartition, List<ConsumerRecord<String, String>>> partitioned(
			Iterable<ConsumerRecord<String, String>> records) {
		Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
		for (ConsumerRecord<String, String> record : records) {
			byPartition
				.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), key -> new ArrayList<>())
				.add(record);
		}
		return byPartition;
	}

	private KafkaConsumer<String, String> connect() {
		KafkaConsumer<String, String> kafka = consumer;
		if (kafka == null) {
			Map<String, Object> config = new HashMap<>(consumerConfig);
			config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
			config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
			config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
			// The broker answers a fetch the moment an event is there; this is only how
			// long an idle one is held. At Kafka's 500 ms default every idle consumer
			// cost
			// the broker two requests a second (docs/benchmarks.md, idle).
			config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
			config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			kafka = new KafkaConsumer<>(config);
			KafkaClientMetrics bound = new KafkaClientMetrics(kafka);
			bound.bindTo(registry);
			metrics = bound;
			consumer = kafka;
			assignedEpoch = -1;
			assignedLeases = -1;
		}
		return kafka;
	}

	private KafkaProducer<String, String> producer() {
		if (deadLetters == null) {
			deadLetters = new KafkaProducer<>(producerConfig);
		}
		return deadLetters;
	}

	private void disconnect() {
		KafkaConsumer<String, String> kafka = consumer;
		consumer = null;
		if (kafka != null && !uncommitted.isEmpty()) {
			try {
				kafka.commitSync(uncommitted, Duration.ofSeconds(1));
			}
			catch (RuntimeException ex) {
				// Redelivered to whoever consumes next: the inbox absorbs it.
			}
		}
		uncommitted.clear();
		if (metrics != null) {
			metrics.close();
			metrics = null;
		}
		if (kafka != null) {
			kafka.close(CloseOptions.timeout(Duration.ofSeconds(1)));
		}
	}

	private void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	@Override
	public void stop() {
		running = false;
		KafkaConsumer<String, String> kafka = consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		Thread consumerThread = thread;
		if (consumerThread != null) {
			try {
				consumerThread.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (deadLetters != null) {
			deadLetters.close(Duration.ofSeconds(1));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	Set<Integer> assignedShards() {
		KafkaConsumer<String, String> kafka = consumer;
		return kafka == null ? Set.of()
				: new HashSet<>(kafka.assignment().stream().map(TopicPartition::partition).toList());
	}

}
