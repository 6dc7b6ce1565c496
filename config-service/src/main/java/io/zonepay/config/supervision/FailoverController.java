package io.zonepay.config.supervision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.Operators;
import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.config.routing.RoutingPlan;
import io.zonepay.config.routing.StoredRouting;
import io.zonepay.config.supervision.ZoneMeters.Trigger;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/zones/{zoneId}/failover}: an operator fails a zone over at once, as
 * the supervisor would have, to the RZone they name or to the one the supervisor would
 * choose.
 */
@RestController
@Profile("!czone")
class FailoverController {

	private static final Logger log = LoggerFactory.getLogger(FailoverController.class);

	private final RoutingChanges routing;

	private final Standbys standbys;

	private final ZoneMeters meters;

	private final JsonMapper json;

	FailoverController(RoutingChanges routing, Standbys standbys, ZoneMeters meters, JsonMapper json) {
		this.routing = routing;
		this.standbys = standbys;
		this.meters = meters;
		this.json = json;
	}

	/**
	 * Fails a zone over at once: marks it DOWN and moves every shard it serves to
	 * {@code toZone}, or to its standby as the supervisor would choose it, in one new
	 * epoch. A zone that is DOWN with no shards already changes nothing.
	 */
	@PostMapping("/admin/zones/{zoneId}/failover")
	ObjectNode failover(@PathVariable String zoneId, @RequestBody(required = false) @Nullable FailoverRequest request,
			Caller caller) {
		Operators.requireAdmin(caller);
		ZoneId zone = parse(zoneId).orElseThrow(() -> notFound(zoneId));
		@Nullable ZoneId to = request == null ? null : request.target();
		AtomicReference<@Nullable Failover> done = new AtomicReference<>();
		StoredRouting stored = routing.change(plan -> done.set(failOver(plan, zone, to)));
		Failover failover = Objects.requireNonNull(done.get());
		if (stored.table().epoch() > failover.fromEpoch()) {
			meters.failedOver(zone, Trigger.MANUAL);
			log.warn("An operator failed zone {} over: DOWN at epoch {}, its {} shards moved to {}", zone,
					stored.table().epoch(), failover.shards(),
					failover.takenBy() == null ? "nobody, it had none" : failover.takenBy());
		}
		return stored.toDocument(json);
	}

	private Failover failOver(RoutingPlan plan, ZoneId zoneId, @Nullable ZoneId to) {
		Zone zone = plan.zone(zoneId).orElseThrow(() -> notFound(zoneId.value()));
		if (zone.kind() != ZoneKind.RZONE) {
			throw new ProblemException(ConfigProblem.NOT_AN_RZONE,
					zoneId + " is a " + zone.kind() + "; only an RZone serves shards and fails over");
		}
		if (zoneId.equals(to)) {
			throw new ProblemException(ConfigProblem.INVALID_MOVE,
					zoneId + " cannot take its own shards; name another RZone as toZone");
		}
		if (to != null) {
			plan.requireUpRzone(to);
		}
		plan.mark(zoneId, ZoneStatus.DOWN);
		List<Shard> shards = plan.shardsOf(zoneId);
		if (shards.isEmpty()) {
			return new Failover(plan.base().epoch(), 0, null);
		}
		ZoneId taker = to != null ? to : standbys.takerFor(plan, zone)
			.orElseThrow(() -> new ProblemException(ConfigProblem.INVALID_MOVE, "no other RZone is UP to take the "
					+ shards.size() + " shards of " + zoneId + "; nothing was changed"));
		plan.move(shards, taker);
		return new Failover(plan.base().epoch(), shards.size(), taker);
	}

	private static Optional<ZoneId> parse(String zoneId) {
		try {
			return Optional.of(ZoneId.of(zoneId));
		}
		catch (IllegalArgumentException ex) {
			// No zone can have a name that is not a zone id.
			return Optional.empty();
		}
	}

	private static ProblemException notFound(String zoneId) {
		return new ProblemException(ConfigProblem.ZONE_NOT_FOUND,
				"there is no zone '" + zoneId + "' in the routing table");
	}

	/** {@code {"toZone": "rz2"}}, or no body at all for the supervisor's choice. */
	record FailoverRequest(@Nullable String toZone) {

		@Nullable ZoneId target() {
			if (toZone == null) {
				return null;
			}
			try {
				return ZoneId.of(toZone);
			}
			catch (IllegalArgumentException ex) {
				throw new ProblemException(CommonProblem.VALIDATION_FAILED, "toZone: " + ex.getMessage());
			}
		}
	}

	/**
	 * What a failover planned: from which epoch, how many shards it moved and to whom.
	 */
	private record Failover(long fromEpoch, int shards, @Nullable ZoneId takenBy) {
	}

}
