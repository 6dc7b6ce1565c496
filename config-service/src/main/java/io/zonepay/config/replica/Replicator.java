package io.zonepay.config.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.zonepay.config.global.Change;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.CopyWentStale;
import io.zonepay.config.global.GlobalDataChanged;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.ReplicationMessage;
import io.zonepay.config.global.ReplicationProperties;
import io.zonepay.config.global.Snapshot;
import io.zonepay.runtime.routing.RoutingTableDocument;
import io.zonepay.runtime.routing.RoutingTables;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the change log to this CZone's copy, exactly once: each poll's records are
 * applied in one transaction together with the position after them, so a crash anywhere
 * repeats nothing and loses nothing. A change applies only on top of the one before it; a
 * hole (lost data, a log that fell out of retention) makes the copy start over from a
 * GZone snapshot rather than go on with a gap.
 */
class Replicator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Replicator.class);

	private final ChangeTopic topic;

	private final CopyStore store;

	private final ReplicaState state;

	private final GzoneClient gzone;

	private final TransactionTemplate transactions;

	private final RoutingTables tables;

	private final ReplicationProperties properties;

	private final ApplyLag applyLag;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final String name;

	private final BooleanSupplier leads;

	private final Clock clock = Clock.systemUTC();

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	private volatile @Nullable KafkaConsumer<String, String> consumer;

	private static final Duration LEAD_CHECK_EVERY = Duration.ofSeconds(1);

	private long nextLeadCheck = System.nanoTime();

	private boolean leading;

	/** The older term whose messages were last ignored, said once. */
	private long ignoredTerm = -1;

	/**
	 * How often an instance that does not apply the log reads the position the applying
	 * one stored.
	 */
	private static final Duration FOLLOW_EVERY = Duration.ofMillis(100);

	Replicator(Dependencies dependencies, String name) {
		this(dependencies, name, () -> true);
	}

	/**
	 * @param leads whether this instance applies the log: of several instances of a CZone
	 * sharing its database, one does (the lock holder); the others follow what it stores
	 */
	Replicator(Dependencies dependencies, String name, BooleanSupplier leads) {
		this.leads = leads;
		this.topic = dependencies.topic();
		this.store = dependencies.store();
		this.state = dependencies.state();
		this.gzone = dependencies.gzone();
		this.transactions = dependencies.transactions();
		this.tables = dependencies.tables();
		this.properties = dependencies.properties();
		this.applyLag = dependencies.applyLag();
		this.json = dependencies.json();
		this.events = dependencies.events();
		this.name = name;
	}

	@Override
	public void start() {
		running = true;
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		Thread replicator = new Thread(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			loop();
		}, "replicator");
		replicator.setDaemon(true);
		thread = replicator;
		replicator.start();
	}

	private void loop() {
		boolean failing = false;
		boolean bootstrap = false;
		while (running) {
			try {
				if (!leading()) {
					close();
					follow();
					noticeStaleness();
					Thread.sleep(FOLLOW_EVERY.toMillis());
					continue;
				}
				KafkaConsumer<String, String> kafka = consumer != null ? consumer : open(bootstrap);
				bootstrap = false;
				ConsumerRecords<String, String> records = kafka.poll(properties.pollTimeout());
				if (!records.isEmpty()) {
					apply(records.records(topic.partition()));
				}
				// Past transaction markers and aborted records too, which take offsets
				// but carry nothing to apply.
				state.readTo(kafka.position(topic.partition()));
				noticeStaleness();
				if (failing) {
					log.info("Replicating again, at version {}", state.watermark().version());
					failing = false;
				}
			}
			catch (WakeupException ex) {
				// stop() woke the consumer up.
			}
			catch (InvalidOffsetException | Gap ex) {
				log.warn("The copy cannot follow the change log ({}); starting over from a GZone snapshot",
						ex.getMessage());
				close();
				bootstrap = true;
			}
			catch (Exception ex) {
				if (!failing) {
					log.warn("Replication failed ({}); retrying every {}", ex.toString(), properties.retryBackoff());
					failing = true;
				}
				close();
				pause();
			}
		}
		close();
	}

	private KafkaConsumer<String, String> open(boolean bootstrap) throws Exception {
		KafkaConsumer<String, String> kafka = topic.consumer("zonepay-replica-" + name);
		consumer = kafka;
		kafka.assign(List.of(topic.partition()));
		Position stored = bootstrap ? null : store.load().orElse(null);
		if (stored == null) {
			stored = bootstrap(kafka);
		}
		kafka.seek(topic.partition(), stored.nextOffset());
		state.advance(stored);
		publishRouting();
		return kafka;
	}

	/**
	 * Starts the copy from a snapshot; reads the end of the topic first, so that nothing
	 * after the snapshot is missed.
	 */
	private Position bootstrap(KafkaConsumer<String, String> kafka) throws Exception {
		long end = kafka.endOffsets(List.of(topic.partition())).get(topic.partition());
		Snapshot snapshot = gzone.snapshot();
		Position position = store.replaceAll(snapshot, end);
		log.info("Bootstrapped from a GZone snapshot at version {} ({} entities), following the log from offset {}",
				snapshot.version(), snapshot.entities().size(), end);
		return position;
	}

	/**
	 * Whether this instance applies the log, asked of the lock once a second (a round
	 * trip each time).
	 */
	private boolean leading() {
		long now = System.nanoTime();
		if (now - nextLeadCheck >= 0) {
			leading = leads.getAsBoolean();
			nextLeadCheck = now + LEAD_CHECK_EVERY.toNanos();
		}
		return leading;
	}

	/**
	 * Another instance of this CZone applies the log into the database they share: this
	 * one takes the position it stored, so that it serves, and measures its staleness,
	 * from the same copy.
	 */
	private void follow() {
		Position stored = store.load().orElse(null);
		Position current = state.position();
		if (stored == null || stored.equals(current)) {
			return;
		}
		state.advance(stored);
		if (current == null || current.version() != stored.version()) {
			events.publishEvent(new GlobalDataChanged(stored.version(), EnumSet.allOf(GlobalKind.class)));
			publishRouting();
		}
	}

	/**
	 * A copy past its bound lets the readers it holds go (they read the GZone next): a
	 * poll ends at least every poll timeout, so they learn it within that.
	 */
	private void noticeStaleness() {
		if (state.position() != null && !state.fresh()) {
			events.publishEvent(new CopyWentStale());
		}
	}

	/**
	 * Applies a poll's changes and the position after them in one transaction. A poll of
	 * heartbeats only (four a second on an idle platform, three copies) carries no data:
	 * its position is one statement of its own, with no transaction and no event.
	 */
	private void apply(List<ConsumerRecord<String, String>> records) {
		Applied applied = read(records);
		if (applied.changes().isEmpty()) {
			store.advance(applied.position());
			state.advance(applied.position());
			return;
		}
		transactions.executeWithoutResult(status -> {
			store.apply(applied.changes());
			store.save(applied.position(), applied.changes().size());
		});
		state.advance(applied.position());
		events.publishEvent(new GlobalDataChanged(applied.position().version(), applied.kinds()));
		Instant now = clock.instant();
		applied.changes().forEach(change -> applyLag.record(Duration.between(change.committedAt(), now)));
		if (applied.routingChanged()) {
			publishRouting();
		}
	}

	/**
	 * What a poll's records change and the position after them; a hole in the versions is
	 * a {@link Gap}.
	 */
	private Applied read(List<ConsumerRecord<String, String>> records) {
		Position position = Objects.requireNonNull(state.position(), "the copy has no position yet");
		List<Change> changes = new ArrayList<>();
		Set<GlobalKind> kinds = EnumSet.noneOf(GlobalKind.class);
		for (ConsumerRecord<String, String> record : records) {
			ReplicationMessage message = topic.read(record);
			if (message.term() < position.term()) {
				// Written by a GZone that a newer writer has fenced: it never happened. A
				// deposed writer's heartbeats may go on for a while: said once per term.
				if (message.term() != ignoredTerm) {
					log.warn("Ignored {} {} of term {}, and any more of that term: the log is at term {}",
							message.type(), message.version(), message.term(), position.term());
					ignoredTerm = message.term();
				}
				position = new Position(position.version(), position.sourceTime(), record.offset() + 1,
						position.term());
				continue;
			}
			long next = position.version() + 1;
			Entity entity = message.entity();
			if (message.type() == ReplicationMessage.Type.CHANGE && message.version() == next && entity != null) {
				changes.add(new Change(entity, message.at(), message.term()));
				kinds.add(entity.kind());
			}
			else if (message.version() > position.version()) {
				throw new Gap("expected version " + next + ", the log has " + message.type() + " " + message.version());
			}
			// The applied change, or a heartbeat of what is applied: complete as of its
			// time. Older messages change nothing.
			long version = Math.max(position.version(), message.version());
			boolean current = message.version() == version && message.at().isAfter(position.sourceTime());
			position = new Position(version, current ? message.at() : position.sourceTime(), record.offset() + 1,
					message.term());
		}
		return new Applied(position, changes, kinds);
	}

	/** What one poll applies. */
	private record Applied(Position position, List<Change> changes, Set<GlobalKind> kinds) {

		boolean routingChanged() {
			return kinds.contains(GlobalKind.ROUTING);
		}
	}

	private void publishRouting() {
		store.entity(GlobalKind.ROUTING)
			.ifPresent(entity -> tables
				.offer(json.treeToValue(entity.document(), RoutingTableDocument.class).toRoutingTable()));
	}

	private void pause() {
		try {
			Thread.sleep(properties.retryBackoff().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private void close() {
		KafkaConsumer<String, String> kafka = consumer;
		consumer = null;
		if (kafka != null) {
			kafka.close(CloseOptions.timeout(Duration.ofSeconds(1)));
		}
	}

	@Override
	public void stop() {
		running = false;
		KafkaConsumer<String, String> kafka = consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		Thread replicator = thread;
		if (replicator != null) {
			try {
				replicator.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** The change log has a hole where this copy stands. */
	static final class Gap extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Gap(String message) {
			super(message, null, false, false);
		}

	}

	/** What a replicator works with. */
	record Dependencies(ChangeTopic topic, CopyStore store, ReplicaState state, GzoneClient gzone,
			TransactionTemplate transactions, RoutingTables tables, ReplicationProperties properties, ApplyLag applyLag,
			JsonMapper json, ApplicationEventPublisher events) {
	}

}
