package io.zonepay.platform;

import java.nio.file.Path;

/** {@code ./zonepay up | down | status | kill | start}: the local platform's command line. */
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
			case "kill" -> new ProcessControl(installation, options).kill();
			case "start" -> new ProcessControl(installation, options).start();
			case "drill" -> new Drill(installation, options).run();
			default -> {
				System.out.println("""
						usage: ./zonepay up [--topology <file>] [--postgres-port 15432] [--kafka-port 19092] [--timeout 240]
						       ./zonepay down
						       ./zonepay status
						       ./zonepay kill <zone or gw-city>     crash one process for real (SIGKILL)
						       ./zonepay start <zone or gw-city>    start it again as up did
						       ./zonepay drill zone-down <zone> | drain <from> <to>  [--rate 20] [--seconds 40] [--warm-up 15] [--users-per-zone 6] [--no-restore]""");
				yield command.equals("help") ? 0 : 2;
			}
		};
	}
}
