package io.zonepay.config.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonepay.config.global.Change;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.ReplicationMessage;
import io.zonepay.config.global.ReplicationProperties;
import io.zonepay.config.global.Watermark;
import io.zonepay.config.global.Writer;
import io.zonepay.service.leadership.DatabaseLeadership;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Publishes the change log to Kafka in version order, at least once, in Kafka
 * transactions, and a heartbeat after each catch-up, all under the writer's term.
 *
 * <p>
 * A heartbeat {@code (V, T)} means: at GZone time T the newest committed version was at
 * most V, and every change up to V is on the topic before this heartbeat. A replica that
 * applied V is therefore complete as of T, which is how it measures staleness while
 * nothing changes. The relay keeps no position of its own: after a restart it resumes
 * from the last version on the topic, so it may publish a change twice but never skips
 * one.
 *
 * <p>
 * Heartbeats: most go outside any transaction, one Kafka request each instead of a
 * transaction's four and its marker (on an idle platform they were half of what Kafka and
 * the GZone burned). A heartbeat is a claim, not data: it needs the changes it vouches
 * for before it on the log, which holds because it is sent once their transaction
 * committed, and a read-committed replica cannot read past a transaction until its marker
 * is written; and it needs its writer's term, which replicas check (they drop an older
 * term's). Every {@value #TRANSACTIONAL_HEARTBEAT_EVERY}th heartbeat, and the first after
 * connecting, still goes in a transaction: a writer that a newer one took over from
 * learns it at that heartbeat at the latest (its producer is fenced), even with no change
 * to publish.
 *
 * <p>
 * Fencing: every GZone publishes with the same transactional id, so a newer writer's
 * producer fences an older one's at the broker. A relay that finds a newer term on the
 * topic, before it starts or after it was fenced, fences its GZone for good; one fenced
 * by an older writer's producer (a zombie that had not yet looked) takes the id back.
 */
public class ChangeRelay {

	private static final Logger log = LoggerFactory.getLogger(ChangeRelay.class);

	/**
	 * Bounds one step; a backlog is worked off over several steps, heartbeats resuming
	 * once it is gone.
	 */
	private static final int MAX_BATCHES_PER_TICK = 20;

	/**
	 * One heartbeat in this many goes in a transaction: every 2 s at the default
	 * interval.
	 */
	static final int TRANSACTIONAL_HEARTBEAT_EVERY = 8;

	/** Bounds the wait for a heartbeat outside a transaction to be on the log. */
	private static final Duration HEARTBEAT_ACKNOWLEDGED_WITHIN = Duration.ofSeconds(5);

	private final ChangeLog changes;

	private final ChangeTopic topic;

	private final ReplicationProperties properties;

	private final DatabaseLeadership leadership;

	private final Writer writer;

	private final Clock clock = Clock.systemUTC();

	private @Nullable KafkaProducer<String, String> producer;

	private @Nullable KafkaProducer<String, String> heartbeats;

	/** Heartbeats sent outside a transaction since the last one in a transaction. */
	private int untransacted = TRANSACTIONAL_HEARTBEAT_EVERY;

	private long published = -1;

	private Instant lastHeartbeat = Instant.EPOCH;

	private boolean failing;

	ChangeRelay(ChangeLog changes, ChangeTopic topic, ReplicationProperties properties, DatabaseLeadership leadership,
			Writer writer) {
		this.changes = changes;
		this.topic = topic;
		this.properties = properties;
		this.leadership = leadership;
		this.writer = writer;
	}

	/**
	 * One step: publish what was committed since the last step, then a heartbeat when one
	 * is due.
	 */
	synchronized void tick() {
		if (!writer.active() || !leadership.lead()) {
			return;
		}
		try {
			KafkaProducer<String, String> kafka = connect();
			// Read the time before the version: whatever committed before T has a version
			// of at most V.
			Instant now = clock.instant();
			Watermark committed = changes.current();
			for (int batch = 0; batch < MAX_BATCHES_PER_TICK && published < committed.version(); batch++) {
				publish(kafka, changes.after(published, properties.relayBatch()));
			}
			boolean caughtUp = published >= committed.version();
			if (caughtUp && heartbeatDue(now)) {
				heartbeat(kafka, ReplicationMessage.heartbeat(committed.version(), now, writer.term()));
				lastHeartbeat = now;
			}
			if (failing) {
				log.info("Relay publishing again, at version {}", published);
				failing = false;
			}
		}
		catch (ProducerFencedException | InvalidProducerEpochException ex) {
			disconnect();
			log.warn("Another GZone's producer took the change log over; looking at the log's term");
			fenceIfOutdated();
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

	/**
	 * Whether a heartbeat is due at this step: steps come every relay interval, so one
	 * due within half a step goes now rather than a whole step late.
	 */
	private boolean heartbeatDue(Instant now) {
		Duration due = properties.heartbeatInterval().minus(properties.relayInterval().dividedBy(2));
		return Duration.between(lastHeartbeat, now).compareTo(due) >= 0;
	}

	/**
	 * Sends a heartbeat, in a transaction when one is due (see the class), else alone and
	 * waits until it is on the log, so that the next transaction's changes follow it.
	 */
	private void heartbeat(KafkaProducer<String, String> kafka, ReplicationMessage heartbeat) throws Exception {
		if (untransacted >= TRANSACTIONAL_HEARTBEAT_EVERY - 1) {
			kafka.beginTransaction();
			kafka.send(topic.record(heartbeat));
			kafka.commitTransaction();
			untransacted = 0;
			return;
		}
		KafkaProducer<String, String> alone = heartbeats;
		if (alone == null) {
			alone = topic.heartbeatProducer();
			heartbeats = alone;
		}
		alone.send(topic.record(heartbeat)).get(HEARTBEAT_ACKNOWLEDGED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
		untransacted++;
	}

	/**
	 * A standby about to be promoted takes the transactional id: from this moment the old
	 * writer's producer cannot commit, its open transaction is aborted, and the end of
	 * the log is final for the standby to catch up to.
	 */
	public synchronized void takeOver() {
		disconnect();
		KafkaProducer<String, String> kafka = topic.writerProducer();
		try {
			kafka.initTransactions();
		}
		catch (RuntimeException ex) {
			kafka.close(Duration.ofSeconds(1));
			throw ex;
		}
		producer = kafka;
		published = -1;
		untransacted = TRANSACTIONAL_HEARTBEAT_EVERY;
	}

	private void publish(KafkaProducer<String, String> kafka, List<Change> batch) throws Exception {
		if (batch.isEmpty() || batch.getFirst().version() != published + 1) {
			throw new IllegalStateException(
					"the change log has no version " + (published + 1) + "; it must never have holes");
		}
		kafka.beginTransaction();
		for (Change change : batch) {
			kafka.send(topic.record(ReplicationMessage.of(change)));
		}
		// Commit flushes and fails if any send failed: the whole batch is on the log, or
		// none of it.
		kafka.commitTransaction();
		published = batch.getLast().version();
		writer.published(published);
	}

	private KafkaProducer<String, String> connect() throws Exception {
		if (producer == null) {
			topic.ensureExists();
			if (fenceIfOutdated()) {
				throw new IllegalStateException("this GZone is fenced");
			}
			takeOver();
		}
		if (published < 0) {
			// After taking the id over, the log's end is stable: an older writer's open
			// transaction was aborted.
			Optional<ReplicationMessage> last = topic.last();
			long term = changes.term();
			if (last.isPresent() && last.get().term() > term) {
				writer.fence(last.get().term());
				throw new IllegalStateException("this GZone is fenced");
			}
			writer.writingUnder(term);
			published = last.map(ReplicationMessage::version).orElse(0L);
			writer.published(published);
			log.info("Relay publishing the change log to {} from version {} under term {}", topic.partition(),
					published + 1, term);
		}
		return Objects.requireNonNull(producer);
	}

	/**
	 * Fences this GZone when the log carries a newer term than its own; answers whether
	 * it did.
	 */
	private boolean fenceIfOutdated() {
		long term = changes.term();
		writer.writingUnder(term);
		Optional<ReplicationMessage> last = topic.last();
		if (last.isPresent() && last.get().term() > term) {
			writer.fence(last.get().term());
			return true;
		}
		return false;
	}

	private void disconnect() {
		KafkaProducer<String, String> running = producer;
		KafkaProducer<String, String> alone = heartbeats;
		producer = null;
		heartbeats = null;
		published = -1;
		untransacted = TRANSACTIONAL_HEARTBEAT_EVERY;
		if (running != null) {
			running.close(Duration.ofSeconds(1));
		}
		if (alone != null) {
			alone.close(Duration.ofSeconds(1));
		}
	}

	void close() {
		disconnect();
		leadership.release();
	}

}
