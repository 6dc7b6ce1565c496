package io.zonepay.manifests.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Docker Compose's own validation of docker-compose.yml: {@code docker-compose}
 * (Debian's 1.29, what CI installs) or else the {@code docker compose} plugin. Without
 * either the check is skipped, unless {@code ZONEPAY_REQUIRE_DEPLOY_TOOLS=1} (CI) makes
 * that a failure. Every run is bounded.
 */
final class DockerCompose {

	private static final long TIMEOUT_SECONDS = 60;

	private static final List<List<String>> CANDIDATES = List.of(List.of("docker-compose"),
			List.of("docker", "compose"));

	private DockerCompose() {
	}

	/**
	 * The command that runs Docker Compose here; skips (or fails, in CI) the calling test
	 * when there is none.
	 */
	static List<String> required() {
		Optional<List<String>> command = CANDIDATES.stream()
			.filter(candidate -> run(concat(candidate, "version")).exitCode() == 0)
			.findFirst();
		if (command.isEmpty() && "1".equals(System.getenv("ZONEPAY_REQUIRE_DEPLOY_TOOLS"))) {
			fail("docker-compose is not on the PATH, and ZONEPAY_REQUIRE_DEPLOY_TOOLS=1 requires it to validate"
					+ " docker-compose.yml");
		}
		assumeTrue(command.isPresent(),
				"docker-compose is not on the PATH: docker-compose.yml is not validated by Compose itself");
		return command.orElseThrow();
	}

	/**
	 * {@code <compose> -f <file> config -q}, in the repository root (the file's relative
	 * paths resolve from there).
	 */
	static Result validate(List<String> compose, Path file) {
		List<String> command = new ArrayList<>(compose);
		command.addAll(List.of("-f", file.toString(), "config", "-q"));
		return run(command);
	}

	static Result run(List<String> command) {
		Path output = null;
		try {
			output = Files.createTempFile("docker-compose", ".log");
			Process process = new ProcessBuilder(command).directory(Repository.ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
			}
			return new Result(process.exitValue(), Files.readString(output));
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

	private static List<String> concat(List<String> head, String tail) {
		List<String> all = new ArrayList<>(head);
		all.add(tail);
		return all;
	}

	/**
	 * What a command answered: its exit code (-1 when it did not run or finish) and
	 * everything it printed.
	 */
	record Result(int exitCode, String output) {
	}

}
