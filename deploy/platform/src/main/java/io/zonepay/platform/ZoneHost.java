package io.zonepay.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import io.zonepay.account.AccountServiceApplication;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.order.OrderServiceApplication;
import io.zonepay.payment.PaymentServiceApplication;
import org.slf4j.MDC;

import org.springframework.boot.SpringApplication;

/**
 * One RZone as one OS process: its account, order and payment services side by side, each in its own Spring
 * context on its own ports and databases. A zone is a failure domain, so killing this process takes the whole zone
 * down, as a drill expects.
 */
public final class ZoneHost {

	private static final Map<String, Supplier<SpringApplication>> SERVICES = Map.of("account", AccountServiceApplication::application, "order",
			OrderServiceApplication::application, "payment", PaymentServiceApplication::application);

	private ZoneHost() {
	}

	/** {@code --zone rz1 --topology <file> --postgres <jdbc url> --kafka <bootstrap servers>} */
	public static void main(String[] args) {
		Options options = Options.parse(args);
		Path topologyFile = Path.of(options.required("topology"));
		Topology topology = TopologyFile.read(topologyFile);
		ZoneId zoneId = ZoneId.of(options.required("zone"));
		Topology.ZoneSpec zone = topology.zone(zoneId).orElseThrow(() -> new IllegalArgumentException("no zone " + zoneId + " in " + topologyFile));
		ServiceArguments arguments = new ServiceArguments(topology,
				new LocalInfrastructure(options.required("postgres"), options.get("postgres-user", "postgres"), options.required("kafka")), topologyFile);
		for (String service : ServiceArguments.rzoneServices()) {
			MDC.put("zone", zoneId.value());
			MDC.put("service", service + "-service");
			try {
				SERVICES.get(service).get().run(ServiceArguments.asArguments(arguments.zoneService(zone, service)));
			}
			catch (RuntimeException ex) {
				// Half a zone is worse than none: the launcher sees the process die and reports it.
				System.err.println(zoneId + ": " + service + "-service failed to start: " + ex);
				System.exit(1);
			}
		}
	}
}
