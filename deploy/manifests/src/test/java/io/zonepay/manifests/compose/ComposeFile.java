package io.zonepay.manifests.compose;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * docker-compose.yml as parsed data, with the labels that name each ZonePay container's
 * zone and service.
 */
final class ComposeFile {

	static final String ZONE = "zonepay.io/zone";

	static final String CITY = "zonepay.io/city";

	static final String NAME = "app.kubernetes.io/name";

	/**
	 * The images ZonePay builds, by their short name, which is also the Maven module they
	 * are built from.
	 */
	static final Set<String> IMAGES = Set.of("config-service", "account-service", "order-service", "payment-service",
			"gateway");

	private final Map<String, Object> document;

	private ComposeFile(Map<String, Object> document) {
		this.document = document;
	}

	static ComposeFile read(Path file) {
		return new ComposeFile(Repository.yaml(file));
	}

	Map<String, Object> document() {
		return document;
	}

	Map<String, Map<String, Object>> services() {
		Map<String, Map<String, Object>> services = new LinkedHashMap<>();
		Repository.map(document.get("services"), "services")
			.forEach((name, service) -> services.put(name, Repository.map(service, "service " + name)));
		return services;
	}

	/** The services that run a ZonePay image: those labelled with a zone. */
	Map<String, Map<String, Object>> zonePayServices() {
		Map<String, Map<String, Object>> zonePay = new LinkedHashMap<>();
		services().forEach((name, service) -> {
			if (labels(service).containsKey(ZONE)) {
				zonePay.put(name, service);
			}
		});
		return zonePay;
	}

	Set<String> namedVolumes() {
		Object volumes = document.get("volumes");
		return volumes == null ? Set.of() : Repository.map(volumes, "volumes").keySet();
	}

	static Map<String, String> labels(Map<String, Object> service) {
		return strings(service.get("labels"), "labels");
	}

	static Map<String, String> environment(Map<String, Object> service) {
		return strings(service.get("environment"), "environment");
	}

	/**
	 * A compose map of strings, from either of its forms: a mapping, or a list of
	 * {@code KEY=value}.
	 */
	private static Map<String, String> strings(Object node, String what) {
		Map<String, String> strings = new LinkedHashMap<>();
		if (node == null) {
			return strings;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> strings.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
			return strings;
		}
		for (Object entry : Repository.list(node, what)) {
			String text = String.valueOf(entry);
			int equals = text.indexOf('=');
			strings.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
		}
		return strings;
	}

}
