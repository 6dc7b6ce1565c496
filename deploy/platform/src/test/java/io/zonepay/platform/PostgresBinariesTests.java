package io.zonepay.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class PostgresBinariesTests {

	@TempDir
	Path directory;

	@Test
	void unpacksIntoTheDirectoryZonkyLooksForWithItsMarkerAndTheArchivesModes() throws IOException {
		byte[] archive = archive("bin/postgres", 0755);

		Path binaries = new PostgresBinaries(directory, resolver(archive)).prepare();

		assertThat(binaries.getFileName().toString()).isEqualTo("PG-" + md5(archive));
		assertThat(binaries.resolve(".exists")).exists();
		assertThat(Files.readString(binaries.resolve("bin/postgres"))).isEqualTo("bin/postgres");
		assertThat(Files.getPosixFilePermissions(binaries.resolve("bin/postgres")))
			.contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
		assertThat(Files.readSymbolicLink(binaries.resolve("lib/libpq.so"))).isEqualTo(Path.of("libpq.so.5"));
		assertThat(entries()).containsExactly(binaries.getFileName().toString());
	}

	@Test
	void replacesWhatAStoppedUnpackingLeftInsteadOfReusingIt() throws IOException {
		byte[] archive = archive("bin/postgres", 0755);
		Path halfDone = Files.createDirectories(directory.resolve("PG-" + md5(archive)).resolve("bin"));
		Files.writeString(halfDone.resolve("initdb"), "truncated");
		Files.createDirectories(directory.resolve(".unpacking-123"));

		Path binaries = new PostgresBinaries(directory, resolver(archive)).prepare();

		assertThat(binaries.resolve("bin/initdb")).doesNotExist();
		assertThat(binaries.resolve("bin/postgres")).exists();
		assertThat(binaries.resolve(".exists")).exists();
		assertThat(entries()).containsExactly(binaries.getFileName().toString());
	}

	@Test
	void usesACompleteCopyAsItIs() throws IOException {
		byte[] archive = archive("bin/postgres", 0755);
		Path first = new PostgresBinaries(directory, resolver(archive)).prepare();
		Files.writeString(first.resolve("bin/marker"), "kept");

		Path second = new PostgresBinaries(directory, resolver(archive)).prepare();

		assertThat(second).isEqualTo(first);
		assertThat(second.resolve("bin/marker")).exists();
	}

	@Test
	void refusesAnArchiveThatWritesOutsideItsDirectoryAndLeavesNothing() throws IOException {
		byte[] archive = archive("../escaped", 0644);

		assertThatIOException().isThrownBy(() -> new PostgresBinaries(directory, resolver(archive)).prepare())
			.withMessageContaining("outside");
		assertThat(directory.getParent().resolve("escaped")).doesNotExist();
		assertThat(entries()).isEmpty();
	}

	private Stream<String> entries() throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.map(path -> path.getFileName().toString()).toList().stream();
		}
	}

	private static PgBinaryResolver resolver(byte[] archive) {
		return (system, architecture) -> new ByteArrayInputStream(archive);
	}

	/**
	 * A tar.xz with one file, a directory and a symbolic link, as the PostgreSQL bundle
	 * has.
	 */
	private static byte[] archive(String file, int mode) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
			tar.putArchiveEntry(new TarArchiveEntry("lib/"));
			tar.closeArchiveEntry();
			TarArchiveEntry link = new TarArchiveEntry("lib/libpq.so", TarArchiveEntry.LF_SYMLINK);
			link.setLinkName("libpq.so.5");
			tar.putArchiveEntry(link);
			tar.closeArchiveEntry();
			byte[] content = file.getBytes(StandardCharsets.UTF_8);
			TarArchiveEntry entry = new TarArchiveEntry(file);
			entry.setSize(content.length);
			entry.setMode(mode);
			tar.putArchiveEntry(entry);
			tar.write(content);
			tar.closeArchiveEntry();
		}
		return bytes.toByteArray();
	}

	private static String md5(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
