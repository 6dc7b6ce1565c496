package io.zonepay.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.zonepay.platform.ZonePayCommand.refusing;

/** {@code ./zonepay kill <name>}: see {@link ProcessControl}. */
@Command(name = "kill", description = { "Crashes one zone or gateway for real (SIGKILL).",
		"No shutdown hooks, requests cut off: as a machine that dies. PostgreSQL and Kafka are not for killing." })
final class KillCommand implements ZonePayCommand {

	private final Installation installation;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "NAME", description = "a zone (rz1, gz, cz-hz, ...) or a city's gateway (gw-hz, ...)")
	String name = "";

	KillCommand(Installation installation) {
		this.installation = installation;
	}

	@Override
	public Action check() {
		KnownZones zones = KnownZones.of(installation);
		String process = refusing(spec, () -> zones.process(name));
		return () -> new ProcessControl(installation, process).kill();
	}

}
