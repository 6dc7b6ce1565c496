package io.zonepay.config.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import io.zonepay.config.global.Change;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.ReplicationMessage;
import io.zonepay.config.global.ReplicationProperties;
import io.zonepay.config.global.Watermark;
import io.zonepay.service.leadership.DatabaseLeadership;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Publishes the change log to Kafka in version order, at least once, and a heartbeat after each catch-up.
 *
 * <p>A heartbeat {@code (V, T)} means: at GZone time T the newest committed version was at most V, and every change up to
 * V is on the topic before this heartbeat. A replica that applied V is therefore complete as of T, which is how it
 * measures staleness while nothing changes. The relay keeps no position of its own: after a restart it resumes from the
 * last version on the topic, so it may publish a change twice but never skips one.
 */
class ChangeRelay {

	private static final Logger log = LoggerFactory.getLogger(ChangeRelay.class);

	/** Bounds one step; a backlog is worked off over several steps, heartbeats resuming once it is gone. */
	private static final int MAX_BATCHES_PER_TICK = 20;

	private final ChangeLog changes;

	private final ChangeTopic topic;

	private final ReplicationProperties properties;

	private final DatabaseLeadership leadership;

	private final Clock clock = Clock.systemUTC();

	private @Nullable KafkaProducer<String, String> producer;

	private long published = -1;

	private Instant lastHeartbeat = Instant.EPOCH;

	private boolean failing;

	ChangeRelay(ChangeLog changes, ChangeTopic topic, ReplicationProperties properties, DatabaseLeadership leadership) {
		this.changes = changes;
		this.topic = topic;
		this.properties = properties;
		this.leadership = leadership;
	}

	/** One step: publish what was committed since the last step, then a heartbeat when one is due. Single-threaded. */
	void tick() {
		if (!leadership.lead()) {
			return;
		}
		try {
			KafkaProducer<String, String> kafka = connect();
			// Read the time before the version: whatever committed before T has a version of at most V.
			Instant now = clock.instant();
			Watermark committed = changes.current();
			for (int batch = 0; batch < MAX_BATCHES_PER_TICK && published < committed.version(); batch++) {
				publish(kafka, changes.after(published, properties.relayBatch()));
			}
			boolean caughtUp = published >= committed.version();
			if (caughtUp && Duration.between(lastHeartbeat, now).compareTo(properties.heartbeatInterval()) >= 0) {
				kafka.send(topic.record(ReplicationMessage.heartbeat(committed.version(), now))).get();
				lastHeartbeat = now;
			}
			if (failing) {
				log.info("Relay publishing again, at version {}", published);
				failing = false;
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			if (!failing) {
				log.warn("Relay cannot publish the change log ({}); it retries from what Kafka has", ex.toString());
				failing = true;
			}
			disconnect();
		}
	}

	private void publish(KafkaProducer<String, String> kafka, List<Change> batch) throws Exception {
		if (batch.isEmpty() || batch.getFirst().version() != published + 1) {
			throw new IllegalStateException("the change log has no version " + (published + 1) + "; it must never have holes");
		}
		List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
		for (Change change : batch) {
			sends.add(kafka.send(topic.record(ReplicationMessage.of(change))));
		}
		for (Future<RecordMetadata> send : sends) {
			send.get();
		}
		published = batch.getLast().version();
	}

	private KafkaProducer<String, String> connect() throws Exception {
		if (producer == null) {
			topic.ensureExists();
			published = topic.lastPublishedVersion();
			producer = topic.producer();
			log.info("Relay publishing the change log to {} from version {}", topic.partition(), published + 1);
		}
		return producer;
	}

	private void disconnect() {
		KafkaProducer<String, String> running = producer;
		producer = null;
		published = -1;
		if (running != null) {
			running.close(Duration.ofSeconds(1));
		}
	}

	void close() {
		disconnect();
		leadership.release();
	}
}
