package io.zonepay.manifests.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads multi-document YAML into Kubernetes API model objects, strictly: the generated
 * models reject any field their API type does not define, at every depth (a
 * {@code livenesProbe} in a container fails as {@code metdata} does), and a kind this
 * deployment does not use fails too.
 */
final class StrictManifests {

	/**
	 * The kinds ZonePay deploys. A Secret parses so that a test can refuse it with a
	 * clear message.
	 */
	private static final Map<String, Parser> PARSERS = Map.of("v1/Namespace", V1Namespace::fromJson, "v1/ConfigMap",
			V1ConfigMap::fromJson, "v1/Secret", V1Secret::fromJson, "v1/Service", V1Service::fromJson,
			"apps/v1/Deployment", V1Deployment::fromJson, "policy/v1/PodDisruptionBudget",
			V1PodDisruptionBudget::fromJson);

	static {
		// Registers the models' type adapters (dates, quantities, int-or-string) with the
		// shared Gson.
		new JSON();
	}

	private StrictManifests() {
	}

	static List<KubernetesObject> parse(String yaml, String source) {
		Gson gson = new Gson();
		List<KubernetesObject> objects = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document == null) {
				continue;
			}
			if (!(document instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException(source + ": a document is not a Kubernetes object: " + document);
			}
			String type = map.get("apiVersion") + "/" + map.get("kind");
			Parser parser = PARSERS.get(type);
			if (parser == null) {
				throw new IllegalArgumentException(
						source + ": unexpected kind " + type + " (expected one of " + PARSERS.keySet() + ")");
			}
			try {
				objects.add(parser.parse(gson.toJson(map)));
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalArgumentException(source + ": " + type + " " + name(map) + " is not a valid " + type
						+ ": " + withoutJson(ex.getMessage()), ex);
			}
		}
		return List.copyOf(objects);
	}

	/**
	 * The models' messages end with the whole offending object as JSON, which hides the
	 * point in a failure.
	 */
	private static @Nullable String withoutJson(@Nullable String message) {
		int json = message == null ? -1 : message.indexOf(" JSON: ");
		return json < 0 ? message : message.substring(0, json);
	}

	private static Object name(Map<?, ?> object) {
		return object.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : "(no metadata)";
	}

	@FunctionalInterface
	private interface Parser {

		KubernetesObject parse(String json) throws IOException;

	}

}
