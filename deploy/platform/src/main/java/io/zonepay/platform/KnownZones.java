package io.zonepay.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;

/**
 * The zones and processes a command line may name: those of the running platform's
 * topology or, with no run, of the topology {@code up} starts by default. A name checked
 * against them is refused before anything is done.
 */
record KnownZones(Topology topology, Path file) {

	static KnownZones of(Installation installation) {
		Path file = RunDirectory.current(installation.stateDirectory())
			.flatMap(RunDirectory::writtenSettings)
			.map(RunDirectory.Settings::topologyFile)
			.orElseGet(installation::defaultTopology);
		return new KnownZones(TopologyFile.read(file), file);
	}

	/** A zone a drill may disrupt. */
	String rzone(String name) {
		List<String> rzones = topology.rzones().stream().map(zone -> zone.id().value()).toList();
		if (!rzones.contains(name)) {
			throw new IllegalArgumentException(
					"no RZone " + name + " in the topology (" + file.getFileName() + "): " + String.join(", ", rzones));
		}
		return name;
	}

	/** A CZone a drill may kill. */
	String czone(String name) {
		List<String> czones = topology.zones()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.CZONE)
			.map(zone -> zone.id().value())
			.toList();
		if (!czones.contains(name)) {
			throw new IllegalArgumentException(
					"no CZone " + name + " in the topology (" + file.getFileName() + "): " + String.join(", ", czones));
		}
		return name;
	}

	/**
	 * The GZone that writes at the start, which {@code drill gzone-down} kills; it needs
	 * a standby to promote.
	 */
	String gzoneWithStandby() {
		if (topology.gzoneStandby().isEmpty()) {
			throw new IllegalArgumentException(
					"the topology (" + file.getFileName() + ") gives the GZone no standby: nothing would take over");
		}
		return topology.gzone().id().value();
	}

	List<String> czones() {
		return topology.zones()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.CZONE)
			.map(zone -> zone.id().value())
			.toList();
	}

	List<String> rzones() {
		return topology.rzones().stream().map(zone -> zone.id().value()).toList();
	}

	/** The city of a zone. */
	String cityOf(String zone) {
		return topology.zones()
			.stream()
			.filter(spec -> spec.id().value().equals(zone))
			.findFirst()
			.orElseThrow()
			.city()
			.value();
	}

	/**
	 * A process {@code kill} and {@code start} may touch: a zone or a city's gateway,
	 * never the infrastructure.
	 */
	String process(String name) {
		if (name.equals("postgres") || name.startsWith("kafka")) {
			throw new IllegalArgumentException(
					name + " is infrastructure; only zones and gateways can be killed and started");
		}
		List<String> processes = new ArrayList<>(topology.zones().stream().map(zone -> zone.id().value()).toList());
		gateways().keySet().forEach(city -> processes.add("gw-" + city));
		if (!processes.contains(name)) {
			throw new IllegalArgumentException("no zone or gateway " + name + " in the topology (" + file.getFileName()
					+ "): " + String.join(", ", processes));
		}
		return name;
	}

	/**
	 * Each city's gateway as the topology declares it, in its order: the GZone's city
	 * comes first in the local topology.
	 */
	Map<String, URI> gateways() {
		Map<String, URI> gateways = new LinkedHashMap<>();
		topology.cities().forEach(city -> {
			if (city.gateway() != null) {
				gateways.put(city.id().value(), city.gateway());
			}
		});
		return gateways;
	}
}
