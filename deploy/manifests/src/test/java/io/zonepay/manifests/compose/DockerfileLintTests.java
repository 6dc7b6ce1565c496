package io.zonepay.manifests.compose;

import java.util.List;
import java.util.regex.Pattern;

import io.zonepay.manifests.compose.Dockerfile.Instruction;
import io.zonepay.manifests.compose.Dockerfile.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints the root Dockerfile that builds every ZonePay image. No Dockerfile linter is
 * packaged for Debian or published on Maven Central, so these are hadolint's rules that
 * matter here, each with the reason in its message.
 */
class DockerfileLintTests {

	private static final Pattern PINNED = Pattern.compile("^[\\w./-]+(:[\\w.-]+)?(@sha256:[0-9a-f]{64})?$");

	private final Dockerfile dockerfile = Dockerfile.read(Repository.DOCKERFILE);

	@Test
	void pinsEveryBaseImageToAVersion() {
		for (Stage stage : dockerfile.stages()) {
			if (dockerfile.isStage(stage.base())) {
				continue;
			}
			assertThat(stage.base())
				.as("stage %s's base image must be an image reference with no unresolved variable", stage.name())
				.matches(PINNED);
			assertThat(stage.base())
				.as("stage %s's base image must be pinned to a tag or digest, not :latest or no tag, so that builds"
						+ " repeat", stage.name())
				.containsAnyOf(":", "@sha256:")
				.doesNotEndWith(":latest");
		}
	}

	@Test
	void runsAsANonRootUserBeforeItsEntrypoint() {
		Stage image = dockerfile.image();
		int user = image.indexOfLast("USER");
		assertThat(user).as("the image must switch to a non-root USER: a process escaping the JVM must not be root")
			.isNotNegative();
		assertThat(image.instructions().get(user).arguments()).as("the image's USER must not be root")
			.doesNotMatch("^(root|0)(:.*)?$");
		assertThat(user).as("USER must come before ENTRYPOINT, so that the service runs as that user")
			.isLessThan(image.indexOfLast("ENTRYPOINT"));
	}

	@Test
	void checksItsOwnHealthOnTheManagementPort() {
		List<Instruction> healthchecks = dockerfile.image().all("HEALTHCHECK");
		assertThat(healthchecks)
			.as("the image must declare one HEALTHCHECK, so that Docker and Compose know when a service is ready")
			.hasSize(1);
		assertThat(healthchecks.getFirst().arguments())
			.as("the HEALTHCHECK must ask the service's actuator health on its management port")
			.doesNotStartWith("NONE")
			.contains("/actuator/health/", "MANAGEMENT_SERVER_PORT")
			.contains("--timeout=");
	}

	@Test
	void startsTheJvmInExecFormAsProcessOne() {
		Stage image = dockerfile.image();
		assertThat(image.all("ENTRYPOINT")).as("the image must have one ENTRYPOINT").hasSize(1);
		for (Instruction instruction : image.instructions()) {
			if (instruction.keyword().equals("ENTRYPOINT") || instruction.keyword().equals("CMD")) {
				assertThat(instruction.isExecForm())
					.as("%s must be in exec form (a JSON array): in shell form the JVM is not PID 1 and never sees "
							+ "SIGTERM, so graceful shutdown never runs; was: %s", instruction.keyword(),
							instruction.arguments())
					.isTrue();
			}
		}
	}

	@Test
	void sizesTheHeapFromTheContainersMemoryLimit() {
		String environment = String.join(" ",
				dockerfile.image().all("ENV").stream().map(Instruction::arguments).toList());
		assertThat(environment)
			.as("the image's JVM options must size the heap from the container limit and exit on OutOfMemoryError")
			.containsPattern("-XX:MaxRAMPercentage=\\d+")
			.contains("-XX:+ExitOnOutOfMemoryError")
			.doesNotContain("-Xmx");
	}

	@Test
	void copiesOnlyLocalFilesAndNeverAddsRemoteOnes() {
		for (Stage stage : dockerfile.stages()) {
			assertThat(stage.all("ADD"))
				.as("stage %s: use COPY, not ADD; ADD fetches URLs and unpacks archives implicitly", stage.name())
				.isEmpty();
			stage.all("RUN")
				.forEach(run -> assertThat(run.arguments())
					.as("stage %s downloads with curl or wget: the build must use only Maven and apt, so that it can"
							+ " be reproduced", stage.name())
					.doesNotContainPattern("(curl|wget)\\s+[^|]*https?://"));
		}
	}

	@Test
	void cleansUpAfterEveryAptInstall() {
		for (Stage stage : dockerfile.stages()) {
			for (Instruction run : stage.all("RUN")) {
				String command = run.arguments();
				if (!command.contains("apt-get install")) {
					continue;
				}
				assertThat(command)
					.as("stage %s: apt-get install must run after apt-get update in the same RUN", stage.name())
					.contains("apt-get update");
				assertThat(command)
					.as("stage %s: apt-get install must be non-interactive and install no recommended packages",
							stage.name())
					.contains("-y", "--no-install-recommends");
				assertThat(command)
					.as("stage %s: the RUN that installs with apt must delete /var/lib/apt/lists, or the lists stay in"
							+ " the layer", stage.name())
					.contains("rm -rf /var/lib/apt/lists");
				assertThat(command)
					.as("stage %s: no apt-get upgrade or dist-upgrade; update the pinned base image instead",
							stage.name())
					.doesNotContain("apt-get upgrade", "apt-get dist-upgrade");
			}
			stage.all("RUN")
				.forEach(run -> assertThat(run.arguments()).as("stage %s: no sudo in a Dockerfile", stage.name())
					.doesNotContain("sudo "));
		}
	}

	@Test
	void buildsEveryServiceOnceFromTheMavenWrapperWithACachedRepository() {
		Stage build = dockerfile.stages().getFirst();
		assertThat(build.all("ARG"))
			.as("the build stage must not depend on SERVICE, so that the five images share one cached build")
			.extracting(Instruction::arguments)
			.doesNotContain("SERVICE");
		assertThat(build.all("RUN"))
			.as("the build stage runs the Maven wrapper for every service module with ~/.m2 in a cache mount")
			.anySatisfy(run -> assertThat(run.arguments()).contains("--mount=type=cache,target=/root/.m2", "./mvnw",
					"-pl config-service,account-service,order-service,payment-service,gateway -am"));
		assertThat(dockerfile.stages()
			.stream()
			.skip(1)
			.flatMap(stage -> stage.all("ARG").stream())
			.map(Instruction::arguments)).as("a later stage picks the service by ARG SERVICE").contains("SERVICE");
		assertThat(String.join(" ",
				dockerfile.stages()
					.stream()
					.flatMap(stage -> stage.all("RUN").stream())
					.map(Instruction::arguments)
					.toList()))
			.as("the jar is split into Spring Boot's layers with the tools jar mode")
			.contains("-Djarmode=tools", "extract --layers");
	}

	@Test
	void needsNoFrontendImage() {
		assertThat(Repository.read(Repository.DOCKERFILE).lines().findFirst().orElse(""))
			.as("no '# syntax=' directive: BuildKit would pull that frontend image, which a machine without a registry"
					+ " cannot")
			.doesNotStartWith("# syntax=");
	}

	@Test
	void workdirsAreAbsolute() {
		for (Stage stage : dockerfile.stages()) {
			stage.all("WORKDIR")
				.forEach(workdir -> assertThat(workdir.arguments())
					.as("stage %s: WORKDIR must be absolute, or it depends on the base image's", stage.name())
					.startsWith("/"));
		}
	}

	@Test
	void keepsBuildOutputAndHistoryOutOfTheBuildContext() {
		String ignored = Repository.read(Repository.ROOT.resolve(".dockerignore"));
		assertThat(ignored.lines().map(String::strip).toList())
			.as(".dockerignore: the build compiles from sources, so local builds and git history stay out")
			.contains(".git", "**/target", ".zonepay");
	}

}
