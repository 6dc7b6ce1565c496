package io.zonepay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the local platform burns doing nothing: CPU-ms per second of every process of
 * {@code ./zonepay up} (as its run's {@code processes.tsv} names them) and of
 * PostgreSQL's server processes, over a window with no load, each with its busiest
 * threads (a JVM names its threads: {@code replicator}, {@code change-relay},
 * {@code http-nio-9211-exec-3}, ...), from {@code /proc/<pid>/task/<tid>/stat}.
 *
 * <p>
 * Needs {@code ./zonepay up}, and nothing else running. Run
 * {@code deploy/bench/idle.sh [--seconds 20] [--threads 5]}.
 */
public final class IdlePlatform {

	private static final double TICKS_PER_MS = 0.1;

	private IdlePlatform() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		long seconds = Long.parseLong(options.getOrDefault("seconds", "20"));
		int threads = Integer.parseInt(options.getOrDefault("threads", "5"));
		Path run = Path.of(Files.readString(Path.of(".zonepay/current")).strip());
		Map<Long, String> processes = processes(run);
		Map<String, Long> before = threadTicks(processes);
		Thread.sleep(seconds * 1000);
		Map<String, Long> after = threadTicks(processes);
		Map<String, Map<String, Double>> perProcess = new LinkedHashMap<>();
		after.forEach((key, ticks) -> {
			String[] parts = key.split("\t", 3);
			double ms = (ticks - before.getOrDefault(key, 0L)) / TICKS_PER_MS / seconds;
			// Threads of one name (a pool's) together: the name without its number.
			String thread = parts[1].replaceAll("\\d+", "#");
			perProcess.computeIfAbsent(parts[0], name -> new HashMap<>()).merge(thread, ms, Double::sum);
		});
		double total = perProcess.values().stream().flatMap(t -> t.values().stream()).mapToDouble(d -> d).sum();
		System.out.printf("idle platform: %.0f CPU-ms/s over %d s (%d processes)%n", total, seconds, perProcess.size());
		perProcess.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble(entry -> -sum(entry.getValue())))
			.forEach(entry -> System.out.printf("%-12s %6.1f  %s%n", entry.getKey(), sum(entry.getValue()),
					entry.getValue()
						.entrySet()
						.stream()
						.filter(thread -> thread.getValue() > 0)
						.sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
						.limit(threads)
						.map(thread -> thread.getKey() + " " + String.format("%.1f", thread.getValue()))
						.collect(Collectors.joining(", "))));
	}

	private static double sum(Map<String, Double> threads) {
		return threads.values().stream().mapToDouble(d -> d).sum();
	}

	/** The platform's processes by pid, and PostgreSQL's server processes as one. */
	private static Map<Long, String> processes(Path run) throws IOException {
		Map<Long, String> names = new HashMap<>();
		for (String line : Files.readAllLines(run.resolve("processes.tsv"))) {
			String[] columns = line.split("\t");
			names.put(Long.parseLong(columns[1]), columns[0]);
		}
		try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
			for (Path pid : pids.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
				.toList()) {
				if ("postgres".equals(comm(pid.resolve("stat")))) {
					names.put(Long.parseLong(pid.getFileName().toString()), "postgresql");
				}
			}
		}
		return names;
	}

	/** Every thread's CPU ticks, keyed by "process\tthread\ttid". */
	private static Map<String, Long> threadTicks(Map<Long, String> processes) throws IOException {
		Map<String, Long> ticks = new HashMap<>();
		for (Map.Entry<Long, String> process : processes.entrySet()) {
			List<Path> tasks = new ArrayList<>();
			try (Stream<Path> listed = Files.list(Path.of("/proc", process.getKey().toString(), "task"))) {
				listed.forEach(tasks::add);
			}
			catch (IOException ex) {
				continue; // gone meanwhile
			}
			for (Path task : tasks) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					continue;
				}
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks.put(process.getValue() + "\t" + comm(stat) + "\t" + task.getFileName(),
						Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
			}
		}
		return ticks;
	}

	private static String comm(Path stat) {
		try {
			return comm(Files.readString(stat));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String comm(String stat) {
		return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
	}

}
