package io.zonepay.platform;

import java.time.Duration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.zonepay.platform.ZonePayCommand.refusing;
import static io.zonepay.platform.ZonePayCommand.within;

/** {@code ./zonepay start <name>}: see {@link ProcessControl}. */
@Command(name = "start", description = "Starts a zone or gateway again, as up did, and waits until ready.")
final class StartCommand implements ZonePayCommand {

	private final Installation installation;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "NAME", description = "a zone (rz1, gz, cz-hz, ...) or a city's gateway (gw-hz, ...)")
	String name = "";

	/** {@link ProcessControl#READY_BOUND} by default. */
	@Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
			description = "how long it has to be ready, 1..3600 (default: ${DEFAULT-VALUE})")
	int timeout;

	StartCommand(Installation installation) {
		this.installation = installation;
	}

	@Override
	public Action check() {
		KnownZones zones = KnownZones.of(installation);
		String process = refusing(spec, () -> zones.process(name));
		Duration readyWithin = Duration.ofSeconds(refusing(spec, () -> within("--timeout", timeout, 1, 3600)));
		return () -> new ProcessControl(installation, process).start(readyWithin);
	}

}
