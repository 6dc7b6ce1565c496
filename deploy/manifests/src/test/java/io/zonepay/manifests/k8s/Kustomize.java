package io.zonepay.manifests.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kubernetes.client.common.KubernetesObject;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the overlays under deploy/k8s with {@code kubectl kustomize}, as CI and an
 * operator would, and parses what it prints strictly. Without kubectl the tests are
 * skipped, unless {@code ZONEPAY_REQUIRE_DEPLOY_TOOLS=1} (CI) makes that a failure.
 */
final class Kustomize {

	/**
	 * deploy/k8s, from the module directory (deploy/manifests) that Maven runs the tests
	 * in.
	 */
	static final Path ROOT = Path.of("..", "k8s").toAbsolutePath().normalize();

	static final Path ZONES = ROOT.resolve("zones");

	static final Path STAGING = ROOT.resolve("environments/staging");

	/**
	 * Rendering the whole staging environment takes about a second; a hung kubectl must
	 * not hang the build.
	 */
	private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);

	private static final Map<Path, List<KubernetesObject>> RENDERED = new ConcurrentHashMap<>();

	private static volatile Boolean available;

	private Kustomize() {
	}

	/** The strictly parsed objects that {@code kubectl kustomize directory} renders. */
	static List<KubernetesObject> render(Path directory) {
		requireKubectl();
		return RENDERED.computeIfAbsent(directory, dir -> StrictManifests
			.parse(run("kubectl", "kustomize", dir.toString()), ROOT.relativize(dir).toString()));
	}

	/** Every zone overlay's directory name: its zone id. */
	static List<String> zoneOverlays() {
		try (Stream<Path> zones = Files.list(ZONES)) {
			return zones.filter(Files::isDirectory).map(zone -> zone.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list " + ZONES, ex);
		}
	}

	private static void requireKubectl() {
		if (available == null) {
			available = kubectlRuns();
		}
		if (!available && "1".equals(System.getenv("ZONEPAY_REQUIRE_DEPLOY_TOOLS"))) {
			fail("kubectl is not on the PATH, and ZONEPAY_REQUIRE_DEPLOY_TOOLS=1 requires it to render deploy/k8s");
		}
		assumeTrue(available, "kubectl is not on the PATH: the Kustomize overlays are not rendered");
	}

	private static boolean kubectlRuns() {
		try {
			run("kubectl", "version", "--client");
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static String run(String... command) {
		try {
			Path out = Files.createTempFile("kubectl", ".out");
			Path err = Files.createTempFile("kubectl", ".err");
			try {
				Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(RENDER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							String.join(" ", command) + " did not finish within " + RENDER_TIMEOUT);
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
							+ "): " + Files.readString(err, StandardCharsets.UTF_8).strip());
				}
				return Files.readString(out, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + " could not run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(String.join(" ", command) + " was interrupted", ex);
		}
	}

}
