package io.zonepay.config.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.config.routing.RoutingPlan;
import io.zonepay.config.routing.StoredRouting;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneStatus;

/**
 * Watches every RZone of the newest routing table and turns what it sees into routing
 * changes. A zone that refuses {@code missesBeforeDown} checks in a row (it is gone), or
 * misses a check in time while the gateways have seen it answer none of its traffic for
 * {@code silentBeforeDown} (frozen, not merely busy), or misses checks and has not
 * answered for {@code unresponsiveFor} (frozen with no traffic to tell by), is marked
 * DOWN and, with the switch {@code failover.auto} on, its shards go to a standby in the
 * same epoch. A DOWN zone that answers as many checks in a row is marked UP but gets no
 * shards back: an operator moves them when the zone is trusted again. With the switch on,
 * no DOWN zone keeps shards while an UP RZone could take them; when none is left, the
 * last zone is marked DOWN with its shards, since moving them to nobody serves nobody.
 */
final class ZoneSupervisor {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ZoneSupervisor.class);

	private final HealthChecker checker;

	private final RequestPathView requestPath;

	private final RoutingChanges routing;

	private final BooleanSupplier automaticFailover;

	private final Standbys standbys;

	private final ZoneMeters meters;

	private final SupervisorProperties properties;

	private final Clock clock;

	private final Instant started;

	private final Map<ZoneId, ZoneHealth> seen = new ConcurrentHashMap<>();

	/**
	 * When each zone last took shards over by an automatic failover: the cascade guard
	 * runs from there.
	 */
	private final Map<ZoneId, Instant> absorbed = new ConcurrentHashMap<>();

	private final Set<ZoneId> guarded = ConcurrentHashMap.newKeySet();

	/**
	 * Whether the last round was slow everywhere, so that a run of such rounds is logged
	 * once.
	 */
	private boolean slowRound;

	ZoneSupervisor(HealthChecker checker, RequestPathView requestPath, RoutingChanges routing,
			BooleanSupplier automaticFailover, Standbys standbys, ZoneMeters meters, SupervisorProperties properties,
			Clock clock) {
		this.checker = checker;
		this.requestPath = requestPath;
		this.routing = routing;
		this.automaticFailover = automaticFailover;
		this.standbys = standbys;
		this.meters = meters;
		this.properties = properties;
		this.clock = clock;
		this.started = clock.instant();
	}

	/**
	 * One round: checks every RZone, then changes routing when what it saw calls for it.
	 * Runs on one thread at a time.
	 */
	void superviseOnce() {
		Optional<StoredRouting> newest = routing.newest();
		if (newest.isEmpty()) {
			// The bootstrap has not stored the first table yet; there is nothing to
			// supervise.
			return;
		}
		observe(RoutingPlan.of(newest.get().table()).rzones());
		boolean auto = automaticFailover.getAsBoolean();
		// Judged first on the unlocked table, so that a quiet round costs no lock; then
		// again on the locked newest table,
		// which an operator may have changed in between.
		RoutingPlan dryRun = RoutingPlan.of(newest.get().table());
		judge(dryRun, auto);
		if (!dryRun.changes()) {
			return;
		}
		List<Verdict> verdicts = new ArrayList<>();
		StoredRouting stored = routing.change(plan -> verdicts.addAll(judge(plan, auto)));
		verdicts.forEach(verdict -> verdict.report(stored.table(), meters));
		verdicts.stream()
			.map(Verdict::takenBy)
			.filter(Objects::nonNull)
			.forEach(taker -> absorbed.put(taker, clock.instant()));
	}

	/** What the supervisor has seen of a zone. */
	ZoneHealth health(ZoneId zone) {
		return seen.getOrDefault(zone, ZoneHealth.UNCHECKED);
	}

	private void observe(List<Zone> rzones) {
		Instant now = clock.instant();
		boolean graceOver = !now.isBefore(started.plus(properties.startupGrace()));
		Map<ZoneId, Check> checks = checker.check(rzones);
		boolean slowEverywhere = slowEverywhere(checks);
		// Asked after the checks: a zone that timed out is judged by what its traffic saw
		// until then.
		Map<ZoneId, Duration> silences = checks.containsValue(Check.SLOW) && !slowEverywhere ? requestPath.silences()
				: Map.of();
		checks.forEach((zone, check) -> {
			seen.compute(zone, (id, before) -> {
				ZoneHealth previous = before == null ? ZoneHealth.UNCHECKED : before;
				return switch (check) {
					case ANSWERED -> previous.answered(now);
					case REFUSED -> previous.missed(now, graceOver || previous.seenUp(), true);
					case SLOW -> slowEverywhere ? previous.unjudged(now) : previous.missed(now,
							graceOver || previous.seenUp(), false, silences.getOrDefault(zone, Duration.ZERO));
				};
			});
			meters.gauge(zone, () -> health(zone));
		});
	}

	/**
	 * Whether most zones were slow in the same round: then the slowness is most likely
	 * this GZone's view (a host too busy to run its checks, a pause of its own, its
	 * network), and moving shards onto zones that are just as slow would make things
	 * worse, so slow checks of that round count against nobody. A refusal always counts.
	 */
	private boolean slowEverywhere(Map<ZoneId, Check> checks) {
		long slow = checks.values().stream().filter(check -> check == Check.SLOW).count();
		boolean everywhere = checks.size() > 1 && slow * 2 > checks.size();
		if (everywhere && !slowRound) {
			log.warn("{} of {} zones were slow to answer their health checks at once: not counted against any of them",
					slow, checks.size());
		}
		slowRound = everywhere;
		return everywhere;
	}

	/**
	 * Whether a zone took shards over automatically within the cascade guard; says so
	 * once when it keeps a zone up.
	 */
	private boolean absorbing(ZoneId zone) {
		Instant since = absorbed.get(zone);
		if (since == null || !clock.instant().isBefore(since.plus(properties.cascadeGuard()))) {
			guarded.remove(zone);
			return false;
		}
		if (guarded.add(zone)) {
			log.warn(
					"Zone {} misses its health checks while absorbing the shards it took over at {}; "
							+ "not failing it over automatically within {} "
							+ "(cascade guard): POST /admin/zones/{}/failover to force it",
					zone, since, properties.cascadeGuard(), zone);
		}
		return true;
	}

	/**
	 * Plans what the zones' health calls for; answers what it decided, for the log and
	 * the meters.
	 */
	private List<Verdict> judge(RoutingPlan plan, boolean auto) {
		List<Verdict> verdicts = new ArrayList<>();
		Map<ZoneId, Integer> failed = new LinkedHashMap<>();
		Instant now = clock.instant();
		for (Zone zone : plan.rzones()) {
			ZoneHealth health = health(zone.id());
			boolean down = health.down(properties.missesBeforeDown(), properties.unresponsiveFor(),
					properties.silentBeforeDown(), now);
			if (zone.status() == ZoneStatus.UP && down && auto && absorbing(zone.id())) {
				continue;
			}
			if (zone.status() == ZoneStatus.UP && down) {
				plan.mark(zone.id(), ZoneStatus.DOWN);
				failed.put(zone.id(), health.misses());
			}
			else if (zone.status() == ZoneStatus.DOWN && health.answers() >= properties.missesBeforeDown()) {
				plan.mark(zone.id(), ZoneStatus.UP);
				verdicts.add(new Verdict(zone.id(), ZoneStatus.UP, health.answers(), 0, null, auto));
			}
		}
		// Every failed zone is marked before any shards move, so that no zone failing in
		// this round takes another's.
		for (Zone zone : plan.rzones()) {
			if (zone.status() != ZoneStatus.DOWN) {
				continue;
			}
			List<Shard> shards = plan.shardsOf(zone.id());
			Optional<ZoneId> taker = auto && !shards.isEmpty() ? standbys.takerFor(plan, zone) : Optional.empty();
			taker.ifPresent(to -> plan.move(shards, to));
			if (failed.containsKey(zone.id()) || taker.isPresent()) {
				verdicts.add(new Verdict(zone.id(), ZoneStatus.DOWN, failed.getOrDefault(zone.id(), 0), shards.size(),
						taker.orElse(null), auto));
			}
		}
		return verdicts;
	}

}
