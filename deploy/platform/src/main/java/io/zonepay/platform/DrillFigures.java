package io.zonepay.platform;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of a drill's report, computed from the requests its load recorded and
 * nothing else.
 */
final class DrillFigures {

	private DrillFigures() {
	}

	/**
	 * Recovery time: from the disruption to the first 2xx answer to a request for a user
	 * of {@code zone} that was sent after it. A request sent before the disruption may
	 * have been served before it; one sent after can only have been served by the
	 * platform as it recovered.
	 */
	static Optional<Duration> recoveryTime(List<Attempt> attempts, String zone, Duration disrupted) {
		return attempts.stream()
			.filter(attempt -> attempt.zone().equals(zone) && attempt.succeeded()
					&& attempt.sent().compareTo(disrupted) >= 0)
			.map(Attempt::answered)
			.min(Comparator.naturalOrder())
			.map(answered -> answered.minus(disrupted));
	}

	/**
	 * From the disruption to the answer of the last failed request for a user of
	 * {@code zone}: when its users stopped seeing failures.
	 */
	static Optional<Duration> lastFailure(List<Attempt> attempts, String zone, Duration disrupted) {
		return attempts.stream()
			.filter(attempt -> attempt.zone().equals(zone) && attempt.failed()
					&& attempt.answered().compareTo(disrupted) >= 0)
			.map(Attempt::answered)
			.max(Comparator.naturalOrder())
			.map(answered -> answered.minus(disrupted));
	}

	/**
	 * Requests and failed requests by the original zone of their user, each zone's
	 * failures by status and code, most first.
	 */
	static Map<String, ZoneTally> byZone(List<Attempt> attempts) {
		Map<String, List<Attempt>> zones = attempts.stream()
			.collect(Collectors.groupingBy(Attempt::zone, TreeMap::new, Collectors.toList()));
		Map<String, ZoneTally> tallies = new LinkedHashMap<>();
		zones.forEach((zone, its) -> tallies.put(zone, ZoneTally.of(its)));
		return tallies;
	}

	/**
	 * Failed requests for users of every zone but {@code zone}, answered from the
	 * disruption on.
	 */
	static long failedOutside(List<Attempt> attempts, String zone, Duration disrupted) {
		return from(attempts, disrupted).stream()
			.filter(attempt -> !attempt.zone().equals(zone) && attempt.failed())
			.count();
	}

	/** Failed requests answered from the disruption on. */
	static long failedFrom(List<Attempt> attempts, Duration disrupted) {
		return failed(from(attempts, disrupted));
	}

	static long failed(List<Attempt> attempts) {
		return attempts.stream().filter(Attempt::failed).count();
	}

	/**
	 * The requests answered from a moment on: the disruption's window (the drill disrupts
	 * a platform seen steady).
	 */
	static List<Attempt> from(List<Attempt> attempts, Duration moment) {
		return attempts.stream().filter(attempt -> attempt.answered().compareTo(moment) >= 0).toList();
	}

	/** The requests answered before a moment. */
	static List<Attempt> before(List<Attempt> attempts, Duration moment) {
		return attempts.stream().filter(attempt -> attempt.answered().compareTo(moment) < 0).toList();
	}

	/**
	 * @param failures failed requests by status and code ({@code 503 ZONE_UNAVAILABLE}),
	 * most first
	 */
	record ZoneTally(int requests, int failed, Map<String, Long> failures) {

		static ZoneTally of(List<Attempt> attempts) {
			Map<String, Long> counts = attempts.stream()
				.filter(Attempt::failed)
				.collect(Collectors.groupingBy(Attempt::label, Collectors.counting()));
			Map<String, Long> failures = new LinkedHashMap<>();
			counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.forEach(count -> failures.put(count.getKey(), count.getValue()));
			int failed = (int) failures.values().stream().mapToLong(Long::longValue).sum();
			return new ZoneTally(attempts.size(), failed, failures);
		}
	}

}
