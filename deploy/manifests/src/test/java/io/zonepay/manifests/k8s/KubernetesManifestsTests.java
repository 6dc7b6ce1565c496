package io.zonepay.manifests.k8s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zonepay.manifests.k8s.Rendered.CITY;
import static io.zonepay.manifests.k8s.Rendered.ZONE;
import static io.zonepay.manifests.k8s.Rendered.container;
import static io.zonepay.manifests.k8s.Rendered.describe;
import static io.zonepay.manifests.k8s.Rendered.labels;
import static io.zonepay.manifests.k8s.Rendered.templateLabels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every zone overlay and the staging environment render, parse strictly as Kubernetes API
 * objects, and hold the invariants that make a zone a unit and a pod safe to run: zone
 * labels and identity, no root, probes, limits, disruption budgets, no Secrets in the
 * repository, one node id per process.
 */
class KubernetesManifestsTests {

	static List<String> zones() {
		return Kustomize.zoneOverlays();
	}

	@ParameterizedTest
	@MethodSource("zones")
	void zoneOverlayRendersValidObjectsAllInItsOwnNamespace(String zone) {
		Rendered rendered = Rendered.of(Kustomize.ZONES.resolve(zone));
		Problems problems = new Problems();

		problems.check(!rendered.deployments().isEmpty(), zone + " renders no Deployment");
		for (KubernetesObject object : rendered.objects()) {
			problems.check(("zonepay-" + zone).equals(namespaceOf(object)),
					describe(object) + " is not in namespace zonepay-" + zone);
		}
		problems.assertNone("objects of zone " + zone);
	}

	@ParameterizedTest
	@MethodSource("zones")
	void zoneWorkloadsCarryTheZoneLabelAndIdentity(String zone) {
		Rendered rendered = Rendered.of(Kustomize.ZONES.resolve(zone));
		Problems problems = new Problems();

		for (KubernetesObject object : rendered.objects()) {
			problems.check(zone.equals(labels(object).get(ZONE)),
					describe(object) + " lacks the label " + ZONE + "=" + zone);
		}
		for (V1Deployment deployment : rendered.deployments()) {
			String name = describe(deployment);
			problems.check(zone.equals(templateLabels(deployment).get(ZONE)),
					name + ": its pod template lacks the label " + ZONE + "=" + zone);
			String city = labels(deployment).get(CITY);
			problems.check(city != null, name + " lacks the label " + CITY);
			Map<String, String> environment = rendered.environment(deployment);
			if (zone.startsWith("gateway-")) {
				problems.check(zone.equals("gateway-" + city),
						name + ": a gateway's zone is gateway-<its city>, not " + zone);
				problems.check(Objects.equals(city, environment.get("ZONEPAY_GATEWAY_CITY")),
						name + ": ZONEPAY_GATEWAY_CITY is " + environment.get("ZONEPAY_GATEWAY_CITY")
								+ ", its city label " + city);
			}
			else {
				problems.check(zone.equals(environment.get("ZONEPAY_ZONE_ID")), name + ": ZONEPAY_ZONE_ID is "
						+ environment.get("ZONEPAY_ZONE_ID") + ", its zone label " + zone);
				problems.check(Objects.equals(city, environment.get("ZONEPAY_ZONE_CITY")),
						name + ": ZONEPAY_ZONE_CITY is " + environment.get("ZONEPAY_ZONE_CITY") + ", its city label "
								+ city);
			}
		}
		problems.assertNone("zone labels and identity of " + zone);
	}

	@ParameterizedTest
	@MethodSource("zones")
	void nothingRunsAsRoot(String zone) {
		Problems problems = new Problems();
		for (V1Deployment deployment : Rendered.of(Kustomize.ZONES.resolve(zone)).deployments()) {
			String name = describe(deployment);
			V1PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
			problems.check(pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot()),
					name + ": the pod does not set runAsNonRoot: true");
			problems.check(pod != null && pod.getRunAsUser() != null && pod.getRunAsUser() != 0,
					name + ": the pod does not run as a numeric user other than 0");
			for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				String where = name + ", container " + container.getName();
				V1SecurityContext security = container.getSecurityContext();
				if (security == null) {
					problems.check(false, where + " has no securityContext");
					continue;
				}
				problems.check(!Boolean.FALSE.equals(security.getRunAsNonRoot()), where + " sets runAsNonRoot: false");
				problems.check(!Long.valueOf(0).equals(security.getRunAsUser()), where + " runs as user 0");
				problems.check(Boolean.FALSE.equals(security.getAllowPrivilegeEscalation()),
						where + " does not set allowPrivilegeEscalation: false");
				problems.check(Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()),
						where + " does not set readOnlyRootFilesystem: true");
				problems.check(
						security.getCapabilities() != null && security.getCapabilities().getDrop() != null
								&& security.getCapabilities().getDrop().contains("ALL"),
						where + " does not drop ALL capabilities");
			}
		}
		problems.assertNone("security contexts of " + zone);
	}

	@ParameterizedTest
	@MethodSource("zones")
	void everyContainerHasProbesOnADeclaredPortAndResourceLimits(String zone) {
		Problems problems = new Problems();
		for (V1Deployment deployment : Rendered.of(Kustomize.ZONES.resolve(zone)).deployments()) {
			for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				String where = describe(deployment) + ", container " + container.getName();
				checkProbe(problems, container, container.getStartupProbe(), "/actuator/health/liveness",
						where + ": startupProbe");
				checkProbe(problems, container, container.getLivenessProbe(), "/actuator/health/liveness",
						where + ": livenessProbe");
				checkProbe(problems, container, container.getReadinessProbe(), "/actuator/health/readiness",
						where + ": readinessProbe");
				V1ResourceRequirements resources = container.getResources();
				Map<String, Quantity> requests = resources == null ? Map.of()
						: Objects.requireNonNullElse(resources.getRequests(), Map.of());
				Map<String, Quantity> limits = resources == null ? Map.of()
						: Objects.requireNonNullElse(resources.getLimits(), Map.of());
				for (String resource : List.of("cpu", "memory")) {
					problems.check(requests.containsKey(resource), where + " requests no " + resource);
					problems.check(limits.containsKey(resource), where + " has no " + resource + " limit");
				}
				if (requests.containsKey("memory") && limits.containsKey("memory")) {
					problems.check(limits.get("memory").getNumber().compareTo(requests.get("memory").getNumber()) >= 0,
							where + ": memory limit below its request");
				}
			}
		}
		problems.assertNone("probes and resources of " + zone);
	}

	private static void checkProbe(Problems problems, V1Container container, @Nullable V1Probe probe, String path,
			String name) {
		if (probe == null || probe.getHttpGet() == null) {
			problems.check(false, name + " is missing (an httpGet on the management port, " + path + ")");
			return;
		}
		problems.check(path.equals(probe.getHttpGet().getPath()),
				name + " asks " + probe.getHttpGet().getPath() + ", not " + path);
		String port = probe.getHttpGet().getPort().toString();
		List<V1ContainerPort> ports = Objects.requireNonNullElse(container.getPorts(), List.of());
		problems.check(
				ports.stream()
					.anyMatch(declared -> port.equals(declared.getName())
							|| port.equals(String.valueOf(declared.getContainerPort()))),
				name + " asks port " + port + ", which the container does not declare");
	}

	@ParameterizedTest
	@MethodSource("zones")
	void everyDeploymentHasADisruptionBudgetSelectingItsPods(String zone) {
		Rendered rendered = Rendered.of(Kustomize.ZONES.resolve(zone));
		Problems problems = new Problems();

		for (V1Deployment deployment : rendered.deployments()) {
			problems.check(
					rendered.disruptionBudgets()
						.stream()
						.anyMatch(budget -> Objects.equals(namespaceOf(budget), namespaceOf(deployment))
								&& templateLabels(deployment).entrySet()
									.containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet())),
					describe(deployment) + " has no PodDisruptionBudget selecting its pods");
		}
		problems.assertNone("disruption budgets of " + zone);
	}

	private static @Nullable String namespaceOf(KubernetesObject object) {
		return object.getKind().equals("Namespace") ? object.getMetadata().getName()
				: object.getMetadata().getNamespace();
	}

	@Test
	void stagingDefinesNoSecretsButEveryConfigMapItsWorkloadsRead() {
		Rendered staging = Rendered.of(Kustomize.STAGING);
		Problems problems = new Problems();

		staging.all(V1Secret.class)
			.forEach(secret -> problems.check(false,
					describe(secret) + " is in the repository: create it in the cluster instead"));
		for (V1Deployment deployment : staging.deployments()) {
			for (V1EnvFromSource source : Objects.requireNonNullElse(container(deployment).getEnvFrom(),
					List.<V1EnvFromSource>of())) {
				String name = source.getConfigMapRef() == null ? "(not a ConfigMap)"
						: source.getConfigMapRef().getName();
				problems.check(staging.hasConfigMap(deployment, name),
						describe(deployment) + " reads ConfigMap " + name + ", which its namespace lacks");
			}
		}
		problems.assertNone("Secrets and ConfigMaps in staging");
	}

	@Test
	void stagingLabelsEveryObjectWithItsZoneSoThatAZoneAppliesAlone() {
		Problems problems = new Problems();
		for (KubernetesObject object : Rendered.of(Kustomize.STAGING).objects()) {
			String zone = labels(object).get(ZONE);
			problems.check(zone != null,
					describe(object) + " has no label " + ZONE + ": kubectl apply -l would never apply it");
			problems.check(zone == null || ("zonepay-" + zone).equals(namespaceOf(object)),
					describe(object) + " is labelled with zone " + zone + " in another namespace");
		}
		problems.assertNone("zone labels in staging");
	}

	@Test
	void stagingGivesEveryProcessItsOwnNodeId() {
		Rendered staging = Rendered.of(Kustomize.STAGING);
		Problems problems = new Problems();
		Map<String, String> owners = new HashMap<>();

		for (V1Deployment deployment : staging.deployments()) {
			if ("gateway".equals(labels(deployment).get(Rendered.NAME))) {
				continue;
			}
			String name = describe(deployment);
			String nodeIdOwner = staging.environment(deployment).getOrDefault("SPRING_PROFILES_ACTIVE", "");
			// A CZone makes no ids (it copies the GZone's data): its replicas may share
			// one node id.
			problems.check(Integer.valueOf(1).equals(deployment.getSpec().getReplicas()) || nodeIdOwner.equals("czone"),
					name + " runs several replicas with one node id");
			String nodeId = staging.environment(deployment).get("ZONEPAY_IDS_NODE_ID");
			problems.check(nodeId != null, name + " has no ZONEPAY_IDS_NODE_ID");
			String other = nodeId == null ? null : owners.putIfAbsent(nodeId, name);
			problems.check(other == null, name + " has node id " + nodeId + ", as " + other + " does");
		}
		problems.assertNone("node ids in staging");
	}

	@Test
	void stagingRunsTaggedImages() {
		List<String> images = Rendered.of(Kustomize.STAGING)
			.deployments()
			.stream()
			.map(deployment -> container(deployment).getImage())
			.toList();

		assertThat(images).isNotEmpty()
			.allSatisfy(image -> assertThat(image).as("image")
				.matches(".+/zonepay/[a-z-]+:[\\w.-]+")
				.doesNotEndWith(":latest"));
	}

}
