package io.zonepay.config.standby;

import java.time.Duration;

import io.zonepay.config.global.Writer;
import io.zonepay.config.replica.StandbyFeed;
import io.zonepay.kernel.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promotes the standby when the writer is gone: silent on the log for
 * {@code promoteAfter} and not answering over HTTP. Both, because either alone happens to
 * a living writer: a Kafka stall silences the log, a slow network or a busy host fails a
 * check.
 */
final class StandbyWatch {

	private static final Logger log = LoggerFactory.getLogger(StandbyWatch.class);

	private final StandbyFeed feed;

	private final Promotion promotion;

	private final Writer writer;

	private final Duration promoteAfter;

	StandbyWatch(StandbyFeed feed, Promotion promotion, Writer writer, Duration promoteAfter) {
		this.feed = feed;
		this.promotion = promotion;
		this.writer = writer;
		this.promoteAfter = promoteAfter;
	}

	void check() {
		if (writer.role() != Writer.Role.STANDBY || feed.position() == null) {
			return;
		}
		Duration silence = feed.silence();
		if (silence.compareTo(promoteAfter) < 0 || feed.writerReachable()) {
			return;
		}
		try {
			promotion
				.promote("the writer has been silent on the log for " + silence.toMillis() + " ms and does not answer");
		}
		catch (ProblemException ex) {
			log.warn("Automatic promotion failed: {}", ex.detail());
		}
	}

}
