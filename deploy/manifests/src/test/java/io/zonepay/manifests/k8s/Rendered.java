package io.zonepay.manifests.k8s;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;

/** The objects an overlay renders, with the questions the tests ask of them. */
record Rendered(List<KubernetesObject> objects) {

	static final String ZONE = "zonepay.io/zone";

	static final String CITY = "zonepay.io/city";

	static final String NAME = "app.kubernetes.io/name";

	static Rendered of(Path directory) {
		return new Rendered(Kustomize.render(directory));
	}

	<T extends KubernetesObject> List<T> all(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	List<V1Deployment> deployments() {
		return all(V1Deployment.class);
	}

	List<V1Service> services() {
		return all(V1Service.class);
	}

	List<V1PodDisruptionBudget> disruptionBudgets() {
		return all(V1PodDisruptionBudget.class);
	}

	Optional<V1ConfigMap> configMap(String namespace, String name) {
		return all(V1ConfigMap.class).stream()
			.filter(map -> name.equals(map.getMetadata().getName())
					&& Objects.equals(namespace, map.getMetadata().getNamespace()))
			.findFirst();
	}

	/**
	 * Whether the ConfigMap exists in this rendering, that is, in the namespace the
	 * Deployment runs in.
	 */
	boolean hasConfigMap(V1Deployment deployment, String name) {
		return configMap(deployment.getMetadata().getNamespace(), name).isPresent();
	}

	/**
	 * The environment the Deployment's container starts with, as far as the rendering
	 * tells it: its ConfigMaps (in envFrom order, later ones winning) and its literal
	 * variables; variables from Secrets are absent.
	 */
	Map<String, String> environment(V1Deployment deployment) {
		V1Container container = container(deployment);
		Map<String, String> environment = new LinkedHashMap<>();
		for (V1EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<V1EnvFromSource>of())) {
			if (source.getConfigMapRef() != null) {
				configMap(deployment.getMetadata().getNamespace(), source.getConfigMapRef().getName())
					.map(V1ConfigMap::getData)
					.ifPresent(environment::putAll);
			}
		}
		for (V1EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of())) {
			if (variable.getValue() != null) {
				environment.put(variable.getName(), variable.getValue());
			}
		}
		return environment;
	}

	static V1Container container(V1Deployment deployment) {
		return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
	}

	static Map<String, String> labels(KubernetesObject object) {
		return Objects.requireNonNullElse(object.getMetadata().getLabels(), Map.of());
	}

	static Map<String, String> templateLabels(V1Deployment deployment) {
		return Objects.requireNonNullElse(deployment.getSpec().getTemplate().getMetadata().getLabels(), Map.of());
	}

	static String describe(KubernetesObject object) {
		String namespace = object.getMetadata().getNamespace();
		return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
	}
}
