package io.zonepay.platform;

import picocli.CommandLine.Command;

/** {@code ./zonepay shadow ...}: the shadow storage of full-link load tests. */
@Command(name = "shadow", description = "The shadow storage of full-link load tests (see 'shadow clean').")
final class ShadowCommand {

	/**
	 * {@code ./zonepay shadow clean}: empties the shadow schema of every RZone service's
	 * database of every shard group.
	 */
	@Command(name = "clean", description = { "Empties the shadow schemas: every load test's users, accounts,",
			"postings, orders, payments, transfers, keys and events, in every shard group. Real data is not touched." })
	static final class Clean implements ZonePayCommand {

		private final Installation installation;

		Clean(Installation installation) {
			this.installation = installation;
		}

		@Override
		public Action check() {
			return () -> {
				RunDirectory run = RunDirectory.current(installation.stateDirectory())
					.orElseThrow(() -> new IllegalStateException("ZonePay is not running; ./zonepay up first"));
				new ShadowTables(TopologyFile.read(run.settings().topologyFile()), run.settings().infrastructure())
					.clean()
					.forEach((database, rows) -> System.out.printf("%-20s %d shadow rows removed%n", database, rows));
				return 0;
			};
		}

	}

}
