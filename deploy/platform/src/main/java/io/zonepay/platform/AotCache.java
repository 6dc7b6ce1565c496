package io.zonepay.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ahead-of-time caches (JDK 25+, JEP 483/514/515) for the processes that host RZones: the first run of a class path
 * records one as its JVM exits; later runs start from it, loading and linking classes from the cache instead of the
 * jars. A cache is keyed by the class path's jars, sizes and dates, so a rebuild never uses a stale one. On older
 * JDKs this does nothing.
 */
final class AotCache {

	private static final int FIRST_JDK_WITH_ONE_STEP_TRAINING = 25;

	private final Path directory;

	private final Set<String> recording = new HashSet<>();

	AotCache(Path directory) {
		this.directory = directory;
	}

	/** JVM options for one process of a kind: use the cache, record it (first process only), or nothing. */
	List<String> options(String kind, String classPath) {
		if (Runtime.version().feature() < FIRST_JDK_WITH_ONE_STEP_TRAINING) {
			return List.of();
		}
		Path cache = directory.resolve(kind + "-" + fingerprint(classPath) + ".aot");
		if (Files.isRegularFile(cache)) {
			return List.of("-XX:AOTCache=" + cache);
		}
		if (!recording.add(kind)) {
			return List.of();
		}
		try {
			Files.createDirectories(directory);
			// Caches of earlier builds of this kind can never be used again.
			try (Stream<Path> stale = Files.list(directory)) {
				for (Path file : stale.filter(file -> file.getFileName().toString().startsWith(kind + "-")).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.of("-XX:AOTCacheOutput=" + cache);
	}

	private static String fingerprint(String classPath) {
		List<String> parts = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			Path path = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
			try (Stream<Path> jars = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
				jars.sorted().forEach(jar -> parts.add(jar.getFileName() + ":" + jar.toFile().length() + ":" + jar.toFile().lastModified()));
			}
			catch (IOException ex) {
				parts.add(entry);
			}
		}
		return Integer.toHexString(parts.hashCode());
	}
}
