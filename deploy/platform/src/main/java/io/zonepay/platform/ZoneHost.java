package io.zonepay.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.zonepay.account.AccountServiceApplication;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.order.OrderServiceApplication;
import io.zonepay.payment.PaymentServiceApplication;
import org.slf4j.MDC;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One RZone as one OS process: its account, order and payment services side by side, each
 * in its own Spring context on its own ports and databases. A zone is a failure domain,
 * so killing this process takes the whole zone down, as a drill expects.
 */
public final class ZoneHost {

	private static final Map<String, Supplier<SpringApplication>> SERVICES = Map.of("account",
			AccountServiceApplication::application, "order", OrderServiceApplication::application, "payment",
			PaymentServiceApplication::application);

	private ZoneHost() {
	}

	/**
	 * The host's command line after the JVM options, as {@link ServiceLauncher} starts
	 * it.
	 */
	static List<String> arguments(String classPath, String zone, Path topologyFile,
			LocalInfrastructure infrastructure) {
		List<String> arguments = new ArrayList<>(List.of("-cp", classPath, ZoneHost.class.getName(), "--zone", zone,
				"--topology", topologyFile.toString(), "--postgres", infrastructure.postgresUrl(), "--kafka",
				infrastructure.kafkaBootstrapServers()));
		if (infrastructure.traceEndpoint() != null) {
			arguments.addAll(List.of("--traces", infrastructure.traceEndpoint()));
		}
		return arguments;
	}

	/**
	 * {@code --zone rz1 --topology <file> --postgres <jdbc url> --kafka <bootstrap servers> [--postgres-user postgres]
	 * [--traces <endpoint>]}
	 */
	public static void main(String[] args) {
		Arguments options = CommandLine.populateCommand(new Arguments(), args);
		Topology topology = TopologyFile.read(options.topologyFile);
		ZoneId zoneId = ZoneId.of(options.zone);
		Topology.ZoneSpec zone = topology.zone(zoneId)
			.orElseThrow(() -> new IllegalArgumentException("no zone " + zoneId + " in " + options.topologyFile));
		ServiceArguments arguments = new ServiceArguments(topology,
				new LocalInfrastructure(options.postgresUrl, options.postgresUser, options.kafka, options.traces),
				options.topologyFile);
		for (String service : ServiceArguments.rzoneServices()) {
			MDC.put("zone", zoneId.value());
			MDC.put("service", service + "-service");
			try {
				SERVICES.get(service).get().run(ServiceArguments.asArguments(arguments.zoneService(zone, service)));
			}
			catch (RuntimeException ex) {
				// Half a zone is worse than none: the launcher sees the process die and
				// reports it.
				System.err.println(zoneId + ": " + service + "-service failed to start: " + ex);
				System.exit(1);
			}
		}
	}

	/**
	 * What {@link #arguments} writes; the launcher is its only caller, so a mistake ends
	 * the process with picocli's message.
	 */
	@Command(name = "zone-host")
	static final class Arguments {

		@Option(names = "--zone", required = true)
		String zone = "";

		@Option(names = "--topology", required = true)
		Path topologyFile = Path.of("");

		@Option(names = "--postgres", required = true, description = "a JDBC URL without a database")
		String postgresUrl = "";

		@Option(names = "--postgres-user", defaultValue = "postgres")
		String postgresUser = "";

		@Option(names = "--kafka", required = true, description = "the bootstrap servers")
		String kafka = "";

		@Option(names = "--traces", description = "where to send traces (a Zipkin server's /api/v2/spans)")
		@Nullable String traces;

	}

}
