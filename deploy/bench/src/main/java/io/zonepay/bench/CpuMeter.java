package io.zonepay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time on this machine, from {@code /proc}: in all, and per process of the local
 * platform (named as in its run's {@code processes.tsv}), PostgreSQL's server processes
 * together, and this benchmark's own JVM.
 */
public final class CpuMeter {

	/** Clock ticks per second of /proc's CPU times on Linux. */
	private static final double TICKS_PER_MS = 0.1;

	private final Map<Long, String> names = new HashMap<>();

	public CpuMeter(Path runDirectory) throws IOException {
		Path processes = runDirectory.resolve("processes.tsv");
		if (Files.exists(processes)) {
			for (String line : Files.readAllLines(processes)) {
				String[] columns = line.split("\t");
				names.put(Long.parseLong(columns[1]), columns[0]);
			}
		}
		names.put(ProcessHandle.current().pid(), "bench client");
	}

	public Snapshot snapshot() throws IOException {
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
			for (Path pid : pids.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
				.toList()) {
				String stat;
				try {
					stat = Files.readString(pid.resolve("stat"));
				}
				catch (IOException ex) {
					continue; // gone meanwhile
				}
				String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				ticks.merge(group(Long.parseLong(pid.getFileName().toString()), comm), ticks(stat), Long::sum);
			}
		}
		List<String> cpu = Files.readAllLines(Path.of("/proc/stat"))
			.stream()
			.filter(line -> line.startsWith("cpu "))
			.toList();
		String[] fields = cpu.getFirst().trim().split("\\s+");
		// user nice system idle iowait irq softirq steal: steal is time the hypervisor
		// gave other tenants, not CPU this
		// machine's processes used, so it is not busy time here (counting it doubled the
		// figures of a run under 50 % steal).
		long busy = Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
				+ Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
		return new Snapshot(busy, ticks);
	}

	/**
	 * A process's CPU ticks from its {@code /proc/<pid>/stat}: {@code utime} and
	 * {@code stime} (fields 14 and 15; comm may hold spaces, so they are counted from its
	 * closing parenthesis), and for PostgreSQL's processes also {@code cutime} and
	 * {@code cstime}, what their exited children used: a backend that exits between two
	 * snapshots (a pool retiring its connections, every 30 minutes) would otherwise take
	 * its ticks with it, and the group's sum would fall.
	 */
	static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		boolean postgres = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres");
		return postgres ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
	}

	private String group(long pid, String comm) {
		String name = names.get(pid);
		if (name != null) {
			return name;
		}
		return comm.equals("postgres") ? "postgresql" : "other";
	}

	/** CPU times at one moment, in clock ticks. */
	public record Snapshot(long machineTicks, Map<String, Long> groupTicks) {

		/**
		 * Milliseconds of CPU used since an earlier snapshot: in all ("machine") and per
		 * group.
		 */
		public Map<String, Double> since(Snapshot earlier) {
			Map<String, Double> used = new TreeMap<>();
			used.put("machine", (machineTicks - earlier.machineTicks) / TICKS_PER_MS);
			groupTicks.forEach((group, ticks) -> used.put(group,
					(ticks - earlier.groupTicks.getOrDefault(group, 0L)) / TICKS_PER_MS));
			return used;
		}
	}

}
