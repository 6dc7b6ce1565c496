package io.zonepay.platform;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A drill's report, for a person who was not there: what ran, what was done to the
 * platform and when, what the clients saw zone by zone, what the books say, and how each
 * figure was measured. Plain text, pasted as it is into {@code docs/benchmarks.md}.
 */
final class DrillReport {

	private static final int WIDTH = 118;

	private final StringBuilder text = new StringBuilder();

	static String of(DrillResult result) {
		DrillReport report = new DrillReport();
		report.header(result);
		report.disruption(result);
		report.requests(result);
		report.operations(result);
		report.audit(result);
		report.howMeasured(result);
		return report.text.toString();
	}

	private void header(DrillResult result) {
		DrillOptions options = result.options();
		DrillLoad.LoadResult load = result.load();
		// One first send per operation, and one more for a payment whose order was
		// placed; every other request is a retry.
		long firstSends = load.started()
				+ load.operations().stream().filter(operation -> operation.orderId() != null).count();
		line("ZonePay drill: %s, %s (run %s): %s", options.describe(),
				result.startedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), result.run(),
				result.passed() ? "PASS" : "FAIL");
		line("");
		line("Load: open loop at %d operations/s (ramped up over %d s), the disruption once steady, then %d s more;"
				+ " half payments", options.rate(), options.warmUp().toSeconds(),
				options.duration().minus(options.warmUp()).toSeconds());
		line("  (place an order, then pay it: two requests),");
		line("  a quarter transfers to a user of the same zone, a quarter to a user of another zone;"
				+ " payments of 1.00-9.99 CNY, transfers 0.01-3.00.");
		line("  %d users (%d per RZone, spread over its shards, each calling its own city's gateway),"
				+ " %s deposited each, one merchant %s.", result.population().users().size(), options.usersPerZone(),
				money(result.population().deposit()), result.population().merchantId());
		line("  %d operations started, %d dropped for want of a free slot (at most %d in flight),"
				+ " %d requests (%d of them retries) in %.1f s.", load.started(), load.dropped(),
				DrillLoad.MAX_IN_FLIGHT, load.attempts().size(), Math.max(0, load.attempts().size() - firstSends),
				seconds(load.took()));
	}

	private void disruption(DrillResult result) {
		String zone = result.options().zone();
		Duration at = result.disruptedAt();
		RoutingWatch.Handover handover = result.handover();
		line("");
		if (!result.options().kind().movesShards()) {
			line("Disruption at +%.1f s: %s.", seconds(at), result.disruption());
			result.figures().forEach(figure -> line("  %s", figure));
			return;
		}
		line("Disruption at +%.1f s: %s; it served shards %s.", seconds(at), result.disruption(),
				RoutingSnapshot.ranges(result.zoneShards()));
		if (handover.published() == null) {
			line("  %s still served shards at the end of the watch: no handover was published (epoch %d).", zone,
					result.epochBefore());
		}
		else {
			line("  %-74s %s", "handover published (GET /admin/routing: epoch %d -> %d, no shard on %s)"
				.formatted(result.epochBefore(), handover.epoch(), zone), after(handover.published(), at));
			handover.gateways()
				.forEach((city, seen) -> line("  %-74s %s",
						"gateway %s routing by epoch %d".formatted(city, handover.epoch()), after(seen, at)));
		}
		result.figures().forEach(figure -> line("  %s", figure));
		if (result.options().kind() != DrillOptions.Kind.DRAIN) {
			List<Attempt> attempts = result.load().attempts();
			Optional<Duration> rto = DrillFigures.recoveryTime(attempts, zone, at);
			String what = result.options().kind() == DrillOptions.Kind.FREEZE ? "freeze" : "kill";
			line("  %-74s %s", "RTO: first 2xx for a user of %s on a request sent after the %s".formatted(zone, what),
					rto.map(DrillReport::plus).orElse("none within the load: raise --seconds"));
			line("  %-74s %s", "last failed request of a user of %s answered".formatted(zone),
					DrillFigures.lastFailure(attempts, zone, at).map(DrillReport::plus).orElse("none"));
		}
	}

	private void requests(DrillResult result) {
		List<Attempt> all = result.load().attempts();
		Duration at = result.disruptedAt();
		List<Attempt> before = DrillFigures.before(all, at);
		List<Attempt> attempts = DrillFigures.from(all, at);
		long failedBefore = DrillFigures.failed(before);
		line("");
		line("Before the disruption: %d requests, %d failed%s; it came after %d s with no request failed"
				+ " or over %d ms.", before.size(), failedBefore, failedBefore == 0 ? "" : " (warming up)",
				Drill.STEADY_WINDOW.toSeconds(), Drill.STEADY_LATENCY.toMillis());
		line("Requests answered from the disruption on, by the original zone of their user"
				+ " (failed: answered 5xx or 421, or not");
		line("answered; a refusal such as 422 INSUFFICIENT_FUNDS is an answer, not a failure):");
		line("  %-6s %9s %7s  %s", "zone", "requests", "failed", "failures by status and code");
		DrillFigures.byZone(attempts)
			.forEach((zone, tally) -> line("  %-6s %9d %7d  %s", zone, tally.requests(), tally.failed(),
					failures(tally.failures())));
		String zone = result.options().zone();
		if (result.options().kind().noRequestMayFail()) {
			line("  Failed requests of any zone: %d (this drill's target: 0).", DrillFigures.failedFrom(all, at));
		}
		else if (!result.options().kind().movesShards()) {
			line("  Failed requests of any zone: %d.", DrillFigures.failedFrom(all, at));
		}
		else {
			line("  Failed requests of users of other zones than %s: %d.", zone,
					DrillFigures.failedOutside(all, zone, at));
		}
		if (result.options().kind() == DrillOptions.Kind.ZONE_DOWN) {
			line("  (The gateways hold a read or a keyed write for a zone that cannot be reached"
					+ " until its shard has a new owner.)");
		}
	}

	private void operations(DrillResult result) {
		List<Operation> operations = result.settled().operations();
		line("");
		line("Operations by the original zone of their payer, as their client finally knows them"
				+ " (refused: a 4xx that decides;");
		line("not placed: the order was refused or never answered, so no payment was sent;"
				+ " unknown: no deciding answer within the budget):");
		String columns = "  %-6s %8s %9s %6s %7s %10s %7s   %9s %9s %6s %7s %7s";
		line(columns, "zone", "payments", "SUCCEEDED", "FAILED", "refused", "not placed", "unknown", "transfers",
				"COMPLETED", "FAILED", "refused", "unknown");
		for (String zone : DrillFigures.byZone(result.load().attempts()).keySet()) {
			List<Operation> payments = of(operations, zone, Operation.Kind.PAYMENT);
			List<Operation> transfers = of(operations, zone, Operation.Kind.TRANSFER);
			line(columns, zone, payments.size(), acknowledged(payments, "SUCCEEDED"), acknowledged(payments, "FAILED"),
					ended(payments, Operation.Outcome.REFUSED), ended(payments, Operation.Outcome.NOT_PLACED),
					ended(payments, Operation.Outcome.UNKNOWN), transfers.size(), acknowledged(transfers, "COMPLETED"),
					acknowledged(transfers, "FAILED"), ended(transfers, Operation.Outcome.REFUSED),
					ended(transfers, Operation.Outcome.UNKNOWN));
		}
		Settlement.Settled settled = result.settled();
		long unknown = operations.stream().filter(Operation::resolvedLater).count();
		line("  Outcome unknown when the load ended: %d; sent again with the same Idempotency-Key and body:"
				+ " %d decided (%d requests).", unknown, settled.resolved(), settled.attempts().size());
		if (result.options().kind().outcomesMustBeKnown()) {
			line("  Outcome still unknown after the settling: %d (this drill's target: 0).", result.unknownOutcomes());
		}
		line("  Every acknowledged transfer COMPLETED or FAILED %.1f s later%s.", seconds(settled.quiescence()),
				settled.undecided() == 0 ? "" : ", but for " + settled.undecided() + " still undecided after "
						+ Settlement.QUIESCENCE_BOUND.toSeconds() + " s");
	}

	private void audit(DrillResult result) {
		line("");
		line("Audit, read straight from every shard group's account and payment databases:");
		for (DrillAudit.Check check : result.audit()) {
			wrapped("  %s %s. Checked: %s.".formatted(check.passed() ? "PASS" : "FAIL", check.name(), check.detail()));
			check.wrong().stream().limit(20).forEach(wrong -> line("         %s", wrong));
			if (check.wrong().size() > 20) {
				line("         ... and %d more", check.wrong().size() - 20);
			}
		}
		line("");
		line("Result: %s", result.passed() ? "PASS"
				: "FAIL" + (result.auditPassed() ? " (" + whyFailed(result) + ")" : " (audit)"));
	}

	private void howMeasured(DrillResult result) {
		line("");
		line("How it is measured: the drill is an ordinary client of the gateways;"
				+ " every request is timed on one monotonic clock");
		line("from the start of the load. A failed call (5xx, 421, no answer within %d s) is sent again with the same",
				PlatformApi.REQUEST_TIMEOUT.toSeconds());
		line("Idempotency-Key and body after Retry-After (5 s at most;"
				+ " without one, a pause doubling from 250 ms to 2 s, with jitter),"
				+ " as are a 409 still in flight and a 429,");
		line("for up to %d s per operation; every attempt counts as a request above.",
				PersistentCall.BUDGET.toSeconds());
		if (result.options().kind() == DrillOptions.Kind.ZONE_DOWN
				|| result.options().kind() == DrillOptions.Kind.FREEZE) {
			line("RTO counts from the moment the signal was sent to the first 2xx answer to a request,"
					+ " sent after it, for a user");
			line("whose shard the disrupted zone served: detection by the GZone's supervisor,"
					+ " the failover it publishes, the standby");
			line("adopting the shard group, the gateways picking the new table up"
					+ " and their breakers letting traffic through.");
		}
		if (result.options().kind() == DrillOptions.Kind.FREEZE) {
			line("Detection is the handover's publication: the supervisor marked the frozen zone DOWN"
					+ " and moved its shards in one epoch.");
		}
		if (result.options().kind() == DrillOptions.Kind.GZONE_DOWN) {
			line("Global writes are measured by a write of a merchant through the other city's gateway"
					+ " every 250 ms from the kill on,");
			line("until one is answered 201: the standby's detection (10 s of silence and no answer),"
					+ " promotion and first write.");
		}
		if (result.options().kind().movesShards()) {
			line("Handover and gateway times are the first polls (every 100 ms) of GET /admin/routing"
					+ " and of each gateway's");
			line("GET /ops/state that show the new epoch.");
		}
		line("The audit's expected balances come from the drill's own records.");
	}

	private static String whyFailed(DrillResult result) {
		List<String> why = new java.util.ArrayList<>();
		if (result.options().kind().noRequestMayFail() && result.failedRequests() > 0) {
			why.add(result.failedRequests() + " failed requests");
		}
		if (result.options().kind().outcomesMustBeKnown() && result.unknownOutcomes() > 0) {
			why.add(result.unknownOutcomes() + " outcomes unknown");
		}
		if (!result.figuresHold()) {
			why.add("a figure over its bound");
		}
		return String.join(", ", why);
	}

	private static String failures(Map<String, Long> failures) {
		return failures.isEmpty() ? "-" : String.join(", ",
				failures.entrySet().stream().map(entry -> entry.getKey() + " x" + entry.getValue()).toList());
	}

	private static List<Operation> of(List<Operation> operations, String zone, Operation.Kind kind) {
		return operations.stream()
			.filter(operation -> operation.kind() == kind && operation.payer().zone().equals(zone))
			.toList();
	}

	private static long acknowledged(List<Operation> operations, String status) {
		return operations.stream()
			.filter(operation -> operation.acknowledged() && status.equals(operation.status()))
			.count();
	}

	private static long ended(List<Operation> operations, Operation.Outcome outcome) {
		return operations.stream().filter(operation -> operation.outcome() == outcome).count();
	}

	private static String money(long minorUnits) {
		return "%d.%02d %s".formatted(minorUnits / 100, minorUnits % 100, DrillOperations.CURRENCY);
	}

	private static String after(Duration moment, Duration disrupted) {
		return plus(moment.minus(disrupted));
	}

	private static String plus(Duration duration) {
		return "+%.1f s".formatted(seconds(duration));
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/**
	 * A long line broken between words, the rest indented under its text, so the report
	 * reads in a narrow page.
	 */
	private void wrapped(String paragraph) {
		StringBuilder current = new StringBuilder();
		for (String word : paragraph.split(" ", -1)) {
			if (current.length() + word.length() >= WIDTH && !current.toString().isBlank()) {
				line(current.toString().stripTrailing());
				current.setLength(0);
				current.append("         ");
			}
			current.append(word).append(' ');
		}
		line(current.toString().stripTrailing());
	}

	private void line(String format, Object... arguments) {
		text.append(arguments.length == 0 ? format : format.formatted(arguments)).append('\n');
	}

}
