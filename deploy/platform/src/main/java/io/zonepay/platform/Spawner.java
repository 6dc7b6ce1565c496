package io.zonepay.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the platform's processes detached from the terminal: output to the run's log
 * files, input from nowhere, and in a session of their own, so that they outlive the
 * launcher and a Ctrl-C in the shell does not reach them. Every command line names the
 * run directory, which is how {@code down} finds every last one of them.
 */
final class Spawner {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final RunDirectory run;

	private final String java;

	Spawner(RunDirectory run) {
		this.run = run;
		this.java = ProcessHandle.current().info().command().orElse("java");
	}

	Process java(String name, List<String> jvmOptions, List<String> command) {
		List<String> line = new ArrayList<>();
		line.add(java);
		line.add("-Dzonepay.run=" + run.path());
		line.addAll(jvmOptions);
		line.addAll(command);
		return start(name, line);
	}

	Process start(String name, List<String> command) {
		List<String> line = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			line.add(SETSID.toString());
		}
		line.addAll(command);
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(run.log(name).toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			run.record(name, process.pid());
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name, ex);
		}
	}

}
