package io.zonepay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the host's CPUs did between two readings of Linux's {@code /proc/stat}: how much
 * was idle and how much the hypervisor gave to other tenants (steal). A drill on a shared
 * 2-core host can find the platform starved by neighbours, and should say so rather than
 * leave its reader to blame the platform. Elsewhere (no {@code /proc/stat}) it says
 * nothing.
 */
final class HostCpu {

	private static final Path STAT = Path.of("/proc/stat");

	private final Optional<long[]> start;

	private HostCpu(Optional<long[]> start) {
		this.start = start;
	}

	static HostCpu reading() {
		return new HostCpu(read());
	}

	/**
	 * Since this reading: "N % idle, M % steal", or empty where the host does not say.
	 */
	Optional<String> since() {
		Optional<long[]> now = read();
		if (start.isEmpty() || now.isEmpty()) {
			return Optional.empty();
		}
		return describe(start.get(), now.get());
	}

	/** Whether the host says what its CPUs do (Linux's {@code /proc/stat}). */
	static boolean readable() {
		return read().isPresent();
	}

	/** The share of the host's CPU time that was idle since this reading, if it says. */
	OptionalDouble idleSince() {
		Optional<long[]> now = read();
		if (start.isEmpty() || now.isEmpty()) {
			return OptionalDouble.empty();
		}
		return idleShare(start.get(), now.get());
	}

	/**
	 * The share of idle (idle + iowait) ticks between two {@code cpu} lines' counters.
	 */
	static OptionalDouble idleShare(long[] before, long[] after) {
		if (Math.min(before.length, after.length) < 8 || total(before, after) <= 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(share(before, after, 3) + share(before, after, 4));
	}

	/** The share of the first eight counters' ticks that went to one of them. */
	private static double share(long[] before, long[] after, int counter) {
		return (double) (after[counter] - before[counter]) / total(before, after);
	}

	private static long total(long[] before, long[] after) {
		long total = 0;
		for (int i = 0; i < 8; i++) {
			total += after[i] - before[i];
		}
		return total;
	}

	/**
	 * The share of idle (idle + iowait) and steal ticks between two {@code cpu} lines'
	 * counters.
	 */
	static Optional<String> describe(long[] before, long[] after) {
		OptionalDouble idle = idleShare(before, after);
		if (idle.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("%d %% idle, %d %% stolen by other tenants of the host"
			.formatted(Math.round(100 * idle.getAsDouble()), Math.round(100 * share(before, after, 7))));
	}

	/**
	 * The counters of the first line,
	 * {@code cpu user nice system idle iowait irq softirq steal ...}.
	 */
	static Optional<long[]> parse(String firstLine) {
		String[] fields = firstLine.trim().split("\\s+");
		if (fields.length < 9 || !fields[0].equals("cpu")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<long[]> read() {
		try (var lines = Files.lines(STAT)) {
			return lines.findFirst().flatMap(HostCpu::parse);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
