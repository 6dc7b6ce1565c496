package io.zonepay.platform;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;

/**
 * Starts one of the platform's service processes by name (a zone or a city's gateway,
 * {@code gw-<city>}), the same way whether the whole platform comes up or one process is
 * started again after it was stopped.
 */
final class ServiceLauncher {

	private static final List<String> SPRING_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError", "-Xss512k");

	private static final String GATEWAY_PREFIX = "gw-";

	private final Installation installation;

	private final Topology topology;

	private final Path topologyFile;

	private final LocalInfrastructure infrastructure;

	private final AotCache aotCache;

	ServiceLauncher(Installation installation, Topology topology, Path topologyFile,
			LocalInfrastructure infrastructure) {
		this.installation = installation;
		this.topology = topology;
		this.topologyFile = topologyFile;
		this.infrastructure = infrastructure;
		this.aotCache = new AotCache(installation.aotCaches());
	}

	Process start(Spawner spawner, String name) {
		if (name.startsWith(GATEWAY_PREFIX)) {
			return startGateway(spawner, name, city(name.substring(GATEWAY_PREFIX.length())));
		}
		Topology.ZoneSpec zone = topology.zones()
			.stream()
			.filter(spec -> spec.id().value().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no zone or gateway named " + name));
		return zone.kind() == ZoneKind.RZONE ? startRzone(spawner, zone) : startConfigZone(spawner, zone);
	}

	private Process startConfigZone(Spawner spawner, Topology.ZoneSpec zone) {
		Path jar = installation.configServiceJar();
		List<String> options = jvm("256m");
		options.addAll(aotCache.options("config-service", classPathOf(jar)));
		String[] arguments = ServiceArguments
			.asArguments(new ServiceArguments(topology, infrastructure, topologyFile).zoneService(zone, "config"));
		return spawner.java(zone.id().value(), options, concat(List.of("-jar", jar.toString()), arguments));
	}

	/** The three services of an RZone share one JVM, as a zone's unit of failure. */
	private Process startRzone(Spawner spawner, Topology.ZoneSpec zone) {
		List<String> options = jvm("448m");
		options.addAll(aotCache.options("zone-host", installation.platformClassPath()));
		return spawner.java(zone.id().value(), options,
				ZoneHost.arguments(installation.platformClassPath(), zone.id().value(), topologyFile, infrastructure));
	}

	private Process startGateway(Spawner spawner, String name, Topology.City city) {
		Path jar = installation.gatewayJar();
		List<String> options = jvm("256m");
		options.addAll(aotCache.options("gateway", classPathOf(jar)));
		String[] arguments = ServiceArguments
			.asArguments(new ServiceArguments(topology, infrastructure, topologyFile).gateway(city));
		return spawner.java(name, options, concat(List.of("-jar", jar.toString()), arguments));
	}

	private Topology.City city(String id) {
		return topology.cities()
			.stream()
			.filter(city -> city.id().value().equals(id) && Objects.nonNull(city.gateway()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no city " + id + " with a gateway"));
	}

	private static List<String> jvm(String heap) {
		List<String> options = new ArrayList<>(SPRING_JVM);
		options.add("-Xmx" + heap);
		String extra = System.getenv("ZONEPAY_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			options.addAll(List.of(extra.trim().split("\\s+")));
		}
		return options;
	}

	/** An extracted application jar runs on itself and its {@code lib/} folder. */
	private static String classPathOf(Path applicationJar) {
		return applicationJar + File.pathSeparator + applicationJar.resolveSibling("lib").resolve("*");
	}

	private static List<String> concat(List<String> head, String[] tail) {
		List<String> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

}
