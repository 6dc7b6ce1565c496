package io.zonepay.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, headless: loads a page, lets its scripts run, and answers the DOM
 * they left. Installs chromium with apt when it is missing and this user may; where it
 * cannot, the calling test is skipped and says why.
 */
public final class HeadlessBrowser {

	private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"),
			Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));

	private final Path binary;

	private HeadlessBrowser(Path binary) {
		this.binary = binary;
	}

	/**
	 * The browser, installed if need be; aborts the test (skipped, with the reason) when
	 * there is none to be had.
	 */
	public static HeadlessBrowser findOrInstall() {
		Optional<Path> found = find();
		if (found.isEmpty()) {
			String outcome = install();
			found = find();
			Assumptions.assumeTrue(found.isPresent(),
					() -> "SKIPPED: no chromium on this machine and it could not be installed (" + outcome
							+ "); install Debian's chromium to check pages in a browser");
		}
		return new HeadlessBrowser(found.get());
	}

	/** The page's DOM after its scripts had a few seconds to run. */
	public String dom(URI page) {
		try {
			Path out = Files.createTempFile("zonepay-dom", ".html");
			Process browser = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
					"--disable-dev-shm-usage", "--virtual-time-budget=5000", "--dump-dom", page.toString())
				.redirectOutput(out.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!browser.waitFor(90, TimeUnit.SECONDS)) {
				browser.destroyForcibly();
				throw new IllegalStateException("chromium did not finish loading " + page + " in 90 s");
			}
			String dom = Files.readString(out, StandardCharsets.UTF_8);
			Files.deleteIfExists(out);
			return dom;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + binary, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Path> find() {
		return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
	}

	private static String install() {
		if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			return "no apt-get";
		}
		try {
			Process apt = new ProcessBuilder("apt-get", "install", "-y", "-q", "chromium").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!apt.waitFor(5, TimeUnit.MINUTES)) {
				apt.destroyForcibly();
				return "apt-get install chromium took longer than 5 minutes";
			}
			return "apt-get install chromium exited with " + apt.exitValue();
		}
		catch (IOException ex) {
			return "apt-get failed: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
