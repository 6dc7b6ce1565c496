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
		int fields = Math.min(8, Math.min(before.length, after.length));
		long total = 0;
		for (int i = 0; i < fields; i++) {
			total += after[i] - before[i];
		}
		if (fields < 8 || total <= 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((double) (after[3] - before[3] + after[4] - before[4]) / total);
	}

	/**
	 * The share of idle (idle + iowait) and steal ticks between two {@code cpu} lines'
	 * counters.
	 */
	static Optional<String> describe(long[] before, long[] after) {
		long[] delta = new long[Math.min(before.length, after.length)];
		for (int i = 0; i < delta.length; i++) {
			delta[i] = after[i] - before[i];
		}
		long total = Arrays.stream(delta, 0, Math.min(delta.length, 8)).sum();
		if (delta.length < 8 || total <= 0) {
			return Optional.empty();
		}
		long idle = delta[3] + delta[4];
		long steal = delta[7];
		return Optional.of("%d %% idle, %d %% stolen by other tenants of the host"
			.formatted(Math.round(100.0 * idle / total), Math.round(100.0 * steal / total)));
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
