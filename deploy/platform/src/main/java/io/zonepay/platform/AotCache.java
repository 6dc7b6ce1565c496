package io.zonepay.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ahead-of-time caches (JDK 25+, JEP 483/514/515) for the processes that host RZones: the
 * first run of a class path records one as its JVM exits; later runs start from it,
 * loading and linking classes from the cache instead of the jars. A cache is keyed by the
 * class path's jars, sizes and dates, so a rebuild never uses a stale one. On older JDKs
 * this does nothing.
 */
final class AotCache {

	private static final int FIRST_JDK_WITH_ONE_STEP_TRAINING = 25;

	private final Path directory;

	private final Set<String> recording = new HashSet<>();

	AotCache(Path directory) {
		this.directory = directory;
	}

	/**
	 * Whether this JVM (and so the processes it starts) can record and use the caches.
	 */
	static boolean supported() {
		return Runtime.version().feature() >= FIRST_JDK_WITH_ONE_STEP_TRAINING;
	}

	/**
	 * JVM options for one process of a kind: use the cache, record it (first process
	 * only), or nothing.
	 */
	List<String> options(String kind, String classPath) {
		if (!supported()) {
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

	/**
	 * The class path's jars by name, size and date, and ZonePay's own jars by content
	 * too: they are built reproducibly (fixed entry dates), and extracted jars keep those
	 * dates, so a changed class can leave a jar's size and date as they were; a cache of
	 * the old classes must then not be used. The JVM itself checks only sizes and dates.
	 */
	static String fingerprint(String classPath) {
		MessageDigest digest = sha256();
		for (String entry : classPath.split(File.pathSeparator)) {
			Path path = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
			try (Stream<Path> jars = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
				for (Path jar : jars.sorted().toList()) {
					String name = jar.getFileName().toString();
					digest.update((name + ":" + jar.toFile().length() + ":" + jar.toFile().lastModified() + ";")
						.getBytes(StandardCharsets.UTF_8));
					if (name.startsWith("zonepay-")) {
						digest.update(Files.readAllBytes(jar));
					}
				}
			}
			catch (IOException ex) {
				digest.update(entry.getBytes(StandardCharsets.UTF_8));
			}
		}
		return HexFormat.of().formatHex(digest.digest(), 0, 6);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
