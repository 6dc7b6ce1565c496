package io.zonepay.platform;

import java.nio.file.Path;

/** {@code ./zonepay up | down | status}: the local platform's command line. */
public final class ZonePayCli {

	private ZonePayCli() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Installation installation = new Installation(Path.of(System.getProperty("zonepay.home", ".")).toAbsolutePath().normalize());
		String command = options.positional().isEmpty() ? "help" : options.positional().getFirst();
		int status;
		try {
			status = run(command, installation, options);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			System.err.println("zonepay " + command + ": " + ex.getMessage());
			status = 1;
		}
		System.exit(status);
	}

	private static int run(String command, Installation installation, Options options) throws Exception {
		return switch (command) {
			case "up" -> new PlatformUp(installation, options).run();
			case "down" -> new PlatformDown(installation).run();
			case "status" -> new PlatformStatus(installation).run();
			default -> {
				System.out.println("""
						usage: ./zonepay up [--topology <file>] [--postgres-port 15432] [--kafka-port 19092] [--timeout 240]
						       ./zonepay down
						       ./zonepay status""");
				yield command.equals("help") ? 0 : 2;
			}
		};
	}
}
