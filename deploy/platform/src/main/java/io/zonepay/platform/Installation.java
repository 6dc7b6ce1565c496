package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where a built ZonePay checkout keeps what the platform runs: executable jars, class
 * paths, the topology.
 *
 * @param stateDirectory what runs leave behind: their logs and data, and which run is the
 * current one
 * @param caches what outlives runs: the processes' ahead-of-time caches and the unpacked
 * PostgreSQL binaries
 */
record Installation(Path home, Path stateDirectory, Path caches) {

	Installation(Path home) {
		this(home, home.resolve(".zonepay"));
	}

	Installation(Path home, Path stateDirectory) {
		this(home, stateDirectory, stateDirectory);
	}

	/**
	 * Runs of their own (a current run, logs, data), sharing this installation's caches:
	 * for the start-up caches' training.
	 */
	Installation training() {
		return new Installation(home, stateDirectory.resolve("training"), caches);
	}

	Path aotCaches() {
		return caches.resolve("aot");
	}

	Path defaultTopology() {
		return home.resolve("config-service/src/main/resources/topology/local.yml");
	}

	/**
	 * The gateway's application jar, extracted from its executable jar (see
	 * {@link #extracted}).
	 */
	Path gatewayJar() {
		return extracted("gateway");
	}

	Path configServiceJar() {
		return extracted("config-service");
	}

	/**
	 * A service's executable jar unpacked into a plain jar and a {@code lib/} folder,
	 * once per build: a plain class path starts twice as fast as nested jars, and only a
	 * plain one can use an ahead-of-time cache.
	 */
	private Path extracted(String module) {
		Path executable = executableJar(module);
		Path directory = home.resolve(module).resolve("target/extracted");
		Path application = directory.resolve(executable.getFileName());
		try {
			if (!Files.exists(application)
					|| Files.getLastModifiedTime(application).compareTo(Files.getLastModifiedTime(executable)) < 0) {
				String java = ProcessHandle.current().info().command().orElse("java");
				Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", executable.toString(), "extract",
						"--destination", directory.toString(), "--force")
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0) {
					extract.destroyForcibly();
					throw new IllegalStateException("cannot extract " + executable);
				}
			}
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot extract " + executable, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted extracting " + executable, ex);
		}
	}

	/** The class path of the platform itself, which also hosts the RZone services. */
	String platformClassPath() {
		Path target = home.resolve("deploy/platform/target");
		return single(target, "zonepay-platform-", ".jar") + java.io.File.pathSeparator
				+ target.resolve("lib").resolve("*");
	}

	String kafkaClassPath() {
		return home.resolve("deploy/kafka-broker/target/lib").resolve("*").toString();
	}

	/**
	 * Zipkin's executable jar, which {@code ./zonepay up --traces} fetches into the
	 * caches.
	 */
	Path zipkinJar() {
		Path directory = caches.resolve(Zipkin.NAME);
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException(
					"no Zipkin server jar in " + directory + ": ./zonepay up --traces fetches it");
		}
		return single(directory, "zipkin-server-", "-exec.jar");
	}

	/**
	 * Where the PostgreSQL binaries are unpacked, once per checkout: never a directory
	 * another program may have half filled.
	 */
	Path postgresBinaries() {
		return caches.resolve("postgres");
	}

	private Path executableJar(String module) {
		return single(home.resolve(module).resolve("target"), "zonepay-" + module + "-", "-exec.jar");
	}

	private static Path single(Path directory, String prefix, String suffix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> {
				String name = file.getFileName().toString();
				return name.startsWith(prefix) && name.endsWith(suffix)
						&& (suffix.equals("-exec.jar") || !name.endsWith("-exec.jar"));
			})
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"no " + prefix + "*" + suffix + " in " + directory + ": build first (./zonepay up does)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory + ": build first (./zonepay up does)", ex);
		}
	}
}
