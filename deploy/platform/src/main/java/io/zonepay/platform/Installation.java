package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a built ZonePay checkout keeps what the platform runs: executable jars, class paths, the topology. */
record Installation(Path home) {

	Path defaultTopology() {
		return home.resolve("config-service/src/main/resources/topology/local.yml");
	}

	Path gatewayJar() {
		return executableJar("gateway");
	}

	Path configServiceJar() {
		return executableJar("config-service");
	}

	/** The class path of the platform itself, which also hosts the RZone services. */
	String platformClassPath() {
		Path target = home.resolve("deploy/platform/target");
		return single(target, "zonepay-platform-", ".jar") + java.io.File.pathSeparator + target.resolve("lib").resolve("*");
	}

	String kafkaClassPath() {
		return home.resolve("deploy/kafka-broker/target/lib").resolve("*").toString();
	}

	Path stateDirectory() {
		return home.resolve(".zonepay");
	}

	private Path executableJar(String module) {
		return single(home.resolve(module).resolve("target"), "zonepay-" + module + "-", "-exec.jar");
	}

	private static Path single(Path directory, String prefix, String suffix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> {
				String name = file.getFileName().toString();
				return name.startsWith(prefix) && name.endsWith(suffix) && (suffix.equals("-exec.jar") || !name.endsWith("-exec.jar"));
			}).findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "*" + suffix + " in " + directory + ": build first (./zonepay up does)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory + ": build first (./zonepay up does)", ex);
		}
	}
}
