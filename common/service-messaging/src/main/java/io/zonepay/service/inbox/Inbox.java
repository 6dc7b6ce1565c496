package io.zonepay.service.inbox;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers processed events, inside the transaction that processes them: an event seen
 * before is skipped, and an event whose processing rolled back is processed again.
 */
public class Inbox {

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event for the consumer; answers whether this is its first time (then
	 * process it).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstTime(String consumer, UUID eventId) {
		return jdbc.sql("insert into inbox (consumer, event_id) values (?, ?) on conflict do nothing")
			.params(consumer, eventId)
			.update() == 1;
	}

	/**
	 * Forgets events older than the retention, a bounded batch at a time; redelivery
	 * never reaches back that far.
	 */
	public int purgeOlderThan(Duration retention, int batch) {
		return jdbc.sql("""
				delete from inbox where ctid in (select ctid from inbox
				where processed_at < now() - ? * interval '1 millisecond' limit ?)
				""").params(retention.toMillis(), batch).update();
	}

}
