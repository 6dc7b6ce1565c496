package io.zonepay.bench.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order classes, zones and process groups are shown in: totals first, then the
 * classes as the gateway ranks them, then the rest by name.
 */
final class Names {

	private static final List<String> KNOWN = List.of("all", "machine", "checkout", "transfer", "read", "background");

	private Names() {
	}

	static List<String> ordered(Collection<String> names) {
		return names.stream()
			.distinct()
			.sorted(Comparator.comparingInt(Names::rank).thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	private static int rank(String name) {
		int known = KNOWN.indexOf(name);
		return (known >= 0) ? known : KNOWN.size();
	}

}
