package io.zonepay.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One run of the platform: its logs, its data and the processes it started, in
 * {@code .zonepay/runs/<time>}. The current run is named in {@code .zonepay/current}, so
 * {@code down} and {@code status} find it from any shell.
 */
record RunDirectory(Path path) {

	private static final String PROCESSES = "processes.tsv";

	private static final String SETTINGS = "run.properties";

	/**
	 * Earlier runs kept for their logs; each holds a database and a Kafka log, so older
	 * ones go.
	 */
	private static final int KEPT_RUNS = 2;

	static RunDirectory create(Path state) {
		String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		RunDirectory run = new RunDirectory(state.resolve("runs").resolve(name).toAbsolutePath());
		try {
			pruneOldRuns(state.resolve("runs"));
			Files.createDirectories(run.logs());
			Files.writeString(state.resolve("current"), run.path().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + run.path(), ex);
		}
		return run;
	}

	/** Deletes all but the newest {@link #KEPT_RUNS} runs; run names sort by time. */
	private static void pruneOldRuns(Path runs) throws IOException {
		if (!Files.isDirectory(runs)) {
			return;
		}
		List<Path> old;
		try (Stream<Path> all = Files.list(runs)) {
			old = all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).skip(KEPT_RUNS).toList();
		}
		for (Path run : old) {
			FileTrees.delete(run);
		}
	}

	static Optional<RunDirectory> current(Path state) {
		Path pointer = state.resolve("current");
		try {
			return Files.exists(pointer) ? Optional.of(new RunDirectory(Path.of(Files.readString(pointer).strip())))
					: Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + pointer, ex);
		}
	}

	static void clearCurrent(Path state) {
		try {
			Files.deleteIfExists(state.resolve("current"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path logs() {
		return path.resolve("logs");
	}

	Path log(String name) {
		return logs().resolve(name + ".log");
	}

	void record(String name, long pid) {
		try {
			Files.writeString(path.resolve(PROCESSES), name + "\t" + pid + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Recorded> processes() {
		Path file = path.resolve(PROCESSES);
		try {
			return Files.exists(file) ? Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(line -> {
				String[] parts = line.split("\t");
				return new Recorded(parts[0], Long.parseLong(parts[1]));
			}).toList() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The newest process recorded under each name (a process started again is recorded
	 * again), in start order.
	 */
	Map<String, Long> latest() {
		Map<String, Long> latest = new LinkedHashMap<>();
		processes().forEach(process -> latest.put(process.name(), process.pid()));
		return latest;
	}

	/**
	 * The PostgreSQL server of the run, from its data directory: it outlives the process
	 * that started it, whose child it no longer is.
	 */
	Optional<ProcessHandle> postmaster() {
		Path pidFile = path.resolve("pgdata").resolve("postmaster.pid");
		try {
			if (Files.exists(pidFile)) {
				return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
					.filter(ProcessHandle::isAlive);
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Nothing to read: the server is gone or never started.
		}
		return Optional.empty();
	}

	void writeSettings(Settings settings) {
		Properties properties = new Properties();
		properties.setProperty("topology", settings.topologyFile().toString());
		properties.setProperty("postgres.url", settings.infrastructure().postgresUrl());
		properties.setProperty("postgres.user", settings.infrastructure().postgresUser());
		properties.setProperty("kafka.bootstrap-servers", settings.infrastructure().kafkaBootstrapServers());
		if (settings.infrastructure().traceEndpoint() != null) {
			properties.setProperty("traces.endpoint", settings.infrastructure().traceEndpoint());
		}
		try (Writer out = Files.newBufferedWriter(path.resolve(SETTINGS))) {
			properties.store(out, "how this run was started; ./zonepay start uses it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Settings settings() {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(path.resolve(SETTINGS))) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the settings of " + path, ex);
		}
		return new Settings(Path.of(properties.getProperty("topology")),
				new LocalInfrastructure(properties.getProperty("postgres.url"), properties.getProperty("postgres.user"),
						properties.getProperty("kafka.bootstrap-servers"), properties.getProperty("traces.endpoint")));
	}

	/**
	 * The settings, once {@code up} has written them: it does when the infrastructure
	 * runs.
	 */
	Optional<Settings> writtenSettings() {
		return Files.exists(path.resolve(SETTINGS)) ? Optional.of(settings()) : Optional.empty();
	}

	/**
	 * What a run was started with, so that one of its processes can be started again
	 * alike.
	 */
	record Settings(Path topologyFile, LocalInfrastructure infrastructure) {
	}

	/** A process the run started. */
	record Recorded(String name, long pid) {
	}
}
