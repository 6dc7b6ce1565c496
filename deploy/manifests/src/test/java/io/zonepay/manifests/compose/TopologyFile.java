package io.zonepay.manifests.compose;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topology file (zonepay.topology: cities and zones) as plain data. Each zone is
 * reduced to what must be the same in every deployment of the default topology; endpoints
 * differ by deployment and are kept apart.
 */
record TopologyFile(List<Map<String, Object>> cities, List<Map<String, Object>> zones) {

	static TopologyFile read(Path file) {
		Map<String, Object> topology = Repository
			.map(Repository.map(Repository.yaml(file).get("zonepay"), "zonepay").get("topology"), "zonepay.topology");
		List<Map<String, Object>> cities = Repository.list(topology.get("cities"), "cities")
			.stream()
			.map(city -> Repository.map(city, "city"))
			.toList();
		List<Map<String, Object>> zones = Repository.list(topology.get("zones"), "zones")
			.stream()
			.map(zone -> Repository.map(zone, "zone"))
			.toList();
		return new TopologyFile(cities, zones);
	}

	/**
	 * Every zone without its endpoints' addresses: id, kind, city, shards, shard group,
	 * standby and which endpoints.
	 */
	List<Map<String, Object>> zonesWithoutAddresses() {
		return zones.stream().map(zone -> {
			Map<String, Object> copy = new LinkedHashMap<>(zone);
			copy.put("endpoints", endpoints(zone).keySet());
			return (Map<String, Object>) copy;
		}).toList();
	}

	List<String> cityIds() {
		return cities.stream().map(city -> (String) city.get("id")).toList();
	}

	List<Map<String, Object>> zonesOfKind(String kind) {
		return zones.stream().filter(zone -> kind.equals(zone.get("kind"))).toList();
	}

	Map<String, Object> zone(String id) {
		return zones.stream()
			.filter(zone -> id.equals(zone.get("id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no zone " + id + " in the topology"));
	}

	static Map<String, URI> endpoints(Map<String, Object> zone) {
		Map<String, URI> endpoints = new LinkedHashMap<>();
		Repository.map(zone.get("endpoints"), "endpoints of " + zone.get("id"))
			.forEach((service, uri) -> endpoints.put(service, URI.create((String) uri)));
		return endpoints;
	}

	/**
	 * The city's CZone config endpoint, where its gateway and RZones read global data
	 * first.
	 */
	URI globalDataOf(String city) {
		return zonesOfKind("CZONE").stream()
			.filter(zone -> city.equals(zone.get("city")))
			.findFirst()
			.map(zone -> endpoints(zone).get("config"))
			.orElseGet(() -> endpoints(zonesOfKind("GZONE").getFirst()).get("config"));
	}

	/**
	 * Where a city's gateway and RZones read global data, in order: its CZones, the other
	 * cities', the GZone.
	 */
	String globalDataSourcesOf(String city) {
		List<String> sources = new ArrayList<>();
		zonesOfKind("CZONE").stream()
			.filter(zone -> city.equals(zone.get("city")))
			.forEach(zone -> sources.add(endpoints(zone).get("config").toString()));
		zonesOfKind("CZONE").stream()
			.filter(zone -> !city.equals(zone.get("city")))
			.forEach(zone -> sources.add(endpoints(zone).get("config").toString()));
		sources.add(gzoneConfigs());
		return String.join(",", sources);
	}

	/**
	 * The config endpoints of the GZone and its standby, the writer first (the topology
	 * declares it first).
	 */
	String gzoneConfigs() {
		return String.join(",",
				zonesOfKind("GZONE").stream().map(zone -> endpoints(zone).get("config").toString()).toList());
	}
}
