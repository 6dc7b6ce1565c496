package io.zonepay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTests {

	private static final FileTime BUILT = FileTime.fromMillis(1_700_000_000_000L);

	@TempDir
	Path lib;

	@Test
	void aZonePayJarChangedInContentAloneIsANewClassPath() throws IOException {
		jar("zonepay-payment-service.jar", "class A");
		String before = AotCache.fingerprint(lib + "/*");

		// A reproducible build: same size, same date, other classes.
		jar("zonepay-payment-service.jar", "class B");

		assertThat(AotCache.fingerprint(lib + "/*")).isNotEqualTo(before);
	}

	@Test
	void anUnchangedClassPathKeepsItsCache() throws IOException {
		jar("zonepay-kernel.jar", "kernel");
		jar("jackson-core.jar", "jackson");

		assertThat(AotCache.fingerprint(lib + "/*")).isEqualTo(AotCache.fingerprint(lib + "/*"));
	}

	@Test
	void aDependencyIsKnownByNameSizeAndDate() throws IOException {
		jar("jackson-core.jar", "jackson");
		String before = AotCache.fingerprint(lib + "/*");

		jar("jackson-core.jar", "JACKSON");
		String sameSizeAndDate = AotCache.fingerprint(lib + "/*");
		Files.setLastModifiedTime(lib.resolve("jackson-core.jar"), FileTime.fromMillis(BUILT.toMillis() + 1000));

		assertThat(sameSizeAndDate).as("third-party jars are not read: a new version has a new name").isEqualTo(before);
		assertThat(AotCache.fingerprint(lib + "/*")).isNotEqualTo(before);
	}

	private void jar(String name, String content) throws IOException {
		Path jar = lib.resolve(name);
		Files.writeString(jar, content);
		Files.setLastModifiedTime(jar, BUILT);
	}

}
