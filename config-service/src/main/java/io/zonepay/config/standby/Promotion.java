package io.zonepay.config.standby;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.Writer;
import io.zonepay.config.relay.ChangeRelay;
import io.zonepay.config.replica.Position;
import io.zonepay.config.replica.StandbyFeed;
import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Makes this standby the writer, in an order that never lets two GZones write:
 * <ol>
 * <li>take the log's transactional id: the old writer's producer is fenced at the broker,
 * its open transaction aborted, so the end of the log is final;</li>
 * <li>apply the log up to that end (bounded; a standby that cannot stays one);</li>
 * <li>stop following and write under a term one higher than any on the log, from the
 * version after the last one: versions go on without a gap, and every reader ignores the
 * old term from the first message of the new one;</li>
 * <li>mark the old writer DOWN in a new routing table, so gateways and copies ask this
 * GZone first.</li>
 * </ol>
 */
final class Promotion {

	static final ProblemCode PROMOTION_FAILED = ProblemCode.of("PROMOTION_FAILED", 503,
			"The standby could not be promoted; it stays a standby");

	private static final Logger log = LoggerFactory.getLogger(Promotion.class);

	private final Writer writer;

	private final ChangeRelay relay;

	private final ChangeTopic topic;

	private final StandbyFeed feed;

	private final ChangeLog changes;

	private final RoutingChanges routing;

	private final ZoneId self;

	private final Duration catchUpWithin;

	private final Clock clock = Clock.systemUTC();

	private volatile @Nullable Promoted promoted;

	Promotion(Writer writer, ChangeRelay relay, ChangeTopic topic, StandbyFeed feed, ChangeLog changes,
			RoutingChanges routing, ZoneId self, Duration catchUpWithin) {
		this.writer = writer;
		this.relay = relay;
		this.topic = topic;
		this.feed = feed;
		this.changes = changes;
		this.routing = routing;
		this.self = self;
		this.catchUpWithin = catchUpWithin;
	}

	/** Promotes this standby; answers how. Promoting the writer again changes nothing. */
	synchronized Promoted promote(String reason) {
		Promoted done = promoted;
		if (done != null) {
			return done;
		}
		writer.requireNotFenced();
		Instant started = clock.instant();
		log.warn("Promoting this standby to the writer: {}", reason);
		try {
			relay.takeOver();
			long end = topic.end();
			if (!feed.catchUp(end, catchUpWithin)) {
				throw new ProblemException(PROMOTION_FAILED,
						"the log could not be applied to its end (offset " + end + ") within " + catchUpWithin);
			}
			feed.stop();
			Position position = feed.position();
			long seen = position == null ? 1 : position.term();
			long term = Math.max(seen, changes.term()) + 1;
			changes.beginTerm(term);
			writer.promoted(term);
			long epoch = routing
				.change(plan -> plan.base()
					.zones()
					.stream()
					.filter(zone -> zone.kind() == ZoneKind.GZONE)
					.map(Zone::id)
					.forEach(zone -> plan.mark(zone, zone.equals(self) ? ZoneStatus.UP : ZoneStatus.DOWN)))
				.table()
				.epoch();
			Promoted result = new Promoted(term, changes.current().version(), epoch, reason, started,
					Duration.between(started, clock.instant()));
			promoted = result;
			log.warn("Promoted: writing under term {} from version {}, routing epoch {}, in {} ms", term,
					result.version(), epoch, result.took().toMillis());
			return result;
		}
		catch (ProblemException ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(PROMOTION_FAILED, "interrupted");
		}
		catch (RuntimeException ex) {
			log.error("Promotion failed; this GZone stays a standby", ex);
			throw new ProblemException(PROMOTION_FAILED,
					"the promotion failed (" + ex.getMessage() + "); this GZone stays a standby");
		}
	}

	@Nullable Promoted promoted() {
		return promoted;
	}

	/** A finished promotion. */
	record Promoted(long term, long version, long epoch, String reason, Instant at, Duration took) {
	}

}
