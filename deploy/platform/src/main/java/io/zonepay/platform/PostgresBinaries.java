package io.zonepay.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the embedded PostgreSQL binaries where zonky's {@code EmbeddedPostgres} looks
 * for them ({@code <directory>/PG-<md5 of the archive>/} with a {@code .exists} marker),
 * so that it never unpacks them itself. Zonky holds the whole archive and every file of
 * it in the heap while it unpacks (more than 96 MB for PostgreSQL 17), and unpacks in
 * place: a process stopped half way leaves a directory it can never complete. Here the
 * archive streams through (the heap needs the xz dictionary, 64 MB at most, and one
 * buffer), into a staging directory that is renamed into place, marker included, only
 * once complete; whatever a stopped run left is deleted, never reused.
 */
final class PostgresBinaries {

	/** Zonky's name for a complete directory: only then does it skip unpacking. */
	private static final String COMPLETE_MARKER = ".exists";

	private static final String PREFIX = "PG-";

	private final Path directory;

	private final PgBinaryResolver resolver;

	PostgresBinaries(Path directory) {
		this(directory, DefaultPostgresBinaryResolver.INSTANCE);
	}

	PostgresBinaries(Path directory, PgBinaryResolver resolver) {
		this.directory = directory;
		this.resolver = resolver;
	}

	/**
	 * The directory of the unpacked binaries, unpacking them first when no complete copy
	 * exists.
	 */
	Path prepare() throws IOException {
		Files.createDirectories(directory);
		Path target = directory.resolve(PREFIX + digest());
		if (Files.exists(target.resolve(COMPLETE_MARKER))) {
			return target;
		}
		deleteLeftovers(target);
		Path staging = Files.createTempDirectory(directory, ".unpacking-");
		try {
			unpack(staging);
			Files.createFile(staging.resolve(COMPLETE_MARKER));
			moveIntoPlace(staging, target);
		}
		finally {
			FileTrees.delete(staging);
		}
		return target;
	}

	/** Zonky names the directory by the MD5 of the archive as its resolver gives it. */
	private String digest() throws IOException {
		try (InputStream archive = archive();
				DigestInputStream digesting = new DigestInputStream(archive, MessageDigest.getInstance("MD5"))) {
			digesting.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every Java runtime", ex);
		}
	}

	private void unpack(Path into) throws IOException {
		try (InputStream archive = new BufferedInputStream(archive(), 1 << 16);
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path path = into.resolve(entry.getName()).normalize();
				if (!path.startsWith(into)) {
					throw new IOException(
							"the PostgreSQL archive names a path outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				if (entry.isSymbolicLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
				}
				else {
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
		}
	}

	private InputStream archive() throws IOException {
		String system = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
		String architecture = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
		InputStream archive = resolver.getPgBinary(system, architecture);
		if (archive == null) {
			throw new IllegalStateException(
					"no PostgreSQL binaries for " + system + " " + architecture + " on the class path");
		}
		return archive;
	}

	/**
	 * Another process may have completed the same directory meanwhile: then theirs is as
	 * good as ours.
	 */
	private static void moveIntoPlace(Path staging, Path target) throws IOException {
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException ex) {
			if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
				throw ex;
			}
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException(
					"cannot rename within " + staging.getParent() + ", so the binaries cannot be unpacked safely there",
					ex);
		}
	}

	/**
	 * A directory without the marker is a stopped unpacking (ours or zonky's), and
	 * staging directories are never resumed.
	 */
	private void deleteLeftovers(Path target) throws IOException {
		FileTrees.delete(target);
		try (Stream<Path> entries = Files.list(directory)) {
			for (Path staging : entries.filter(entry -> entry.getFileName().toString().startsWith(".unpacking-"))
				.toList()) {
				FileTrees.delete(staging);
			}
		}
	}

	/** The archive's Unix mode bits, so that the programs stay executable. */
	static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int bit = 0; bit < bits.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				permissions.add(bits[bit]);
			}
		}
		// A file we cannot read or rewrite ourselves could not be deleted or replaced by
		// a later unpacking.
		permissions.add(PosixFilePermission.OWNER_READ);
		permissions.add(PosixFilePermission.OWNER_WRITE);
		return permissions;
	}

}
