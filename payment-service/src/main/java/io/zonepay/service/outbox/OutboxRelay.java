package io.zonepay.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.service.leadership.DatabaseLeadership;
import io.zonepay.service.messaging.MessageTracing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka: the oldest events first, each to its topic and
 * partition, then deletes them. One instance publishes (the leader), so events of a
 * partition keep their order; a crash between Kafka's ack and the delete publishes an
 * event twice, never loses one. Sending an event is a span of the trace that appended it.
 * A relay publishes one schema's outbox, real or shadow, and tags what it sends with that
 * traffic, whatever the row's stored headers say: the schema an event was read from is
 * what it is.
 */
final class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final OutboxProducers producers;

	private final DatabaseLeadership leadership;

	private final int batch;

	private final MessageTracing tracing;

	private final Traffic traffic;

	private boolean failing;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, OutboxProducers producers,
			DatabaseLeadership leadership, int batch, MessageTracing tracing, Traffic traffic) {
		this.traffic = traffic;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.producers = producers;
		this.leadership = leadership;
		this.batch = batch;
		this.tracing = tracing;
	}

	/**
	 * Publishes what is waiting, a batch at a time, until nothing is. Runs on one thread.
	 * Answers whether to look again soon: it published something (more may follow), Kafka
	 * refused, or another instance leads (this one takes over within an interval of that
	 * one letting go, as a zone gives a shard group back after a failover).
	 */
	boolean publish() {
		if (!leadership.lead()) {
			return true;
		}
		try {
			int sent;
			int total = 0;
			do {
				Integer batchSent = transactions.execute(status -> publishBatch());
				sent = batchSent == null ? 0 : batchSent;
				total += sent;
			}
			while (sent == batch);
			if (failing) {
				log.info("Outbox publishing again");
				failing = false;
			}
			return total > 0;
		}
		catch (RuntimeException ex) {
			if (!failing) {
				log.warn(
						"Cannot publish the outbox ({}); the events wait in the database and go out when Kafka is back",
						ex.toString());
				failing = true;
			}
			producers.reset();
			return true;
		}
	}

	/**
	 * Sends one batch and deletes it once Kafka has every event; answers how many it
	 * sent.
	 */
	private int publishBatch() {
		List<Row> rows = jdbc.sql("""
				select id, topic, kafka_partition, message_key, payload, headers from outbox
				order by id limit ? for update skip locked
				""")
			.param(batch)
			.query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		KafkaProducer<String, String> producer = producers.producer();
		List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
		List<Span> spans = new ArrayList<>(rows.size());
		try {
			for (Row row : rows) {
				ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.partition(), row.key(),
						row.payload());
				Map<String, String> headers = json.readValue(row.headers(), new TypeReference<Map<String, String>>() {
				});
				headers.remove(Traffic.KAFKA_HEADER);
				if (traffic.isShadow()) {
					headers.put(Traffic.KAFKA_HEADER, traffic.tag());
				}
				headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
				spans.add(tracing.producing(record));
				sends.add(producer.send(record));
			}
			for (int i = 0; i < sends.size(); i++) {
				try {
					sends.get(i).get();
				}
				catch (Exception ex) {
					if (ex instanceof InterruptedException) {
						Thread.currentThread().interrupt();
					}
					spans.get(i).error(ex);
					throw new IllegalStateException("Kafka did not take an outbox event", ex);
				}
			}
		}
		finally {
			spans.forEach(Span::end);
		}
		String ids = String.join(",", Collections.nCopies(rows.size(), "?"));
		jdbc.sql("delete from outbox where id in (" + ids + ")").params(rows.stream().map(Row::id).toList()).update();
		return rows.size();
	}

	/** Lets the lock go: this zone no longer serves the relay's group. */
	void resign() {
		leadership.release();
	}

	long backlog() {
		return jdbc.sql("select count(*) from outbox").query(Long.class).single();
	}

	private record Row(long id, String topic, int partition, String key, String payload, String headers) {
	}

	/**
	 * Creates the producer lazily and throws it away after a failure, so a broken
	 * connection is never reused.
	 */
	static final class OutboxProducers {

		private final Supplier<KafkaProducer<String, String>> factory;

		private @Nullable KafkaProducer<String, String> producer;

		OutboxProducers(Supplier<KafkaProducer<String, String>> factory) {
			this.factory = factory;
		}

		synchronized KafkaProducer<String, String> producer() {
			if (producer == null) {
				producer = factory.get();
			}
			return producer;
		}

		synchronized void reset() {
			KafkaProducer<String, String> broken = producer;
			producer = null;
			if (broken != null) {
				broken.close(Duration.ofSeconds(1));
			}
		}

	}

}
