package io.zonepay.payment.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.onnxruntime.OrtEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * ONNX Runtime's environment, its native libraries loaded from files this process removes
 * as soon as they are loaded. Left to itself, the library copies its 22 MB of libraries
 * into a new temporary directory in every JVM and only asks for them to be deleted on
 * exit, in an order that leaves the directory behind; a JVM killed (a drill, a crash)
 * leaves all of it. On Linux and macOS a loaded library outlives its file.
 */
final class OnnxNatives {

	/** ONNX Runtime loads its libraries from this directory when it is set. */
	static final String PATH_PROPERTY = "onnxruntime.native.path";

	private static final String[] LIBRARIES = { "onnxruntime", "onnxruntime4j_jni" };

	private OnnxNatives() {
	}

	/** The environment, loading the libraries the first time. */
	static synchronized OrtEnvironment environment() {
		OrtEnvironment environment = load();
		removeRuntimeDirectory();
		return environment;
	}

	private static OrtEnvironment load() {
		if (System.getProperty(PATH_PROPERTY) != null) {
			return OrtEnvironment.getEnvironment();
		}
		String platform = platform();
		if (platform == null) {
			return OrtEnvironment.getEnvironment();
		}
		List<Path> written = new ArrayList<>();
		Path directory = null;
		try {
			directory = Files.createTempDirectory("zonepay-onnxruntime");
			for (String library : LIBRARIES) {
				written
					.add(copy("/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library), directory));
			}
			System.setProperty(PATH_PROPERTY, directory.toString());
			return OrtEnvironment.getEnvironment();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot unpack ONNX Runtime's native libraries", ex);
		}
		finally {
			written.forEach(OnnxNatives::remove);
			if (directory != null) {
				remove(directory);
			}
		}
	}

	/**
	 * The runtime makes a temporary directory of its own at every load, even when it
	 * finds its libraries elsewhere, and leaves it empty to be deleted on exit: every
	 * killed JVM left one. It is removed as soon as the runtime is loaded, found where
	 * the runtime keeps it (a private field: a release that renames it just leaves the
	 * directory to the exit again).
	 */
	private static void removeRuntimeDirectory() {
		Path directory = runtimeDirectory();
		if (directory != null) {
			remove(directory);
		}
	}

	static @Nullable Path runtimeDirectory() {
		try {
			Field field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
			field.setAccessible(true);
			return field.get(null) instanceof Path path ? path : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static Path copy(String resource, Path directory) throws IOException {
		try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException(resource + " is not on the class path");
			}
			Path file = directory.resolve(resource.substring(resource.lastIndexOf('/') + 1));
			Files.copy(in, file);
			return file;
		}
	}

	private static void remove(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// Windows keeps a loaded library's file: the JVM's exit removes it instead.
			path.toFile().deleteOnExit();
		}
	}

	/**
	 * The library's name for this machine ({@code linux-x64}), or null where it is not
	 * one the library ships for Linux or macOS: there it loads the libraries its own way.
	 */
	static @Nullable String platform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : null;
		String cpu = switch (arch) {
			case "amd64", "x86_64" -> "x64";
			case "aarch64", "arm64" -> "aarch64";
			default -> null;
		};
		return system == null || cpu == null ? null : system + "-" + cpu;
	}

}
