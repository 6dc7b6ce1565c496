package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes directories the platform made: runs, a training's state, unpacked binaries. */
final class FileTrees {

	private FileTrees() {
	}

	/**
	 * Deletes a file or a directory with everything in it; nothing there is nothing to
	 * do.
	 */
	static void delete(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
