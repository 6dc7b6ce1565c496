package io.zonepay.manifests.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The strict parsing the manifest checks rely on refuses what the API server would,
 * without a cluster or kubectl.
 */
class StrictManifestsTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: account-service
			spec:
			  selector:
			    matchLabels:
			      app.kubernetes.io/name: account-service
			  template:
			    spec:
			      containers:
			        - name: account-service
			          livenessProbe:
			            httpGet:
			              path: /actuator/health/liveness
			              port: management
			""";

	@Test
	void readsEveryDocumentAsItsApiType() {
		assertThat(StrictManifests
			.parse(DEPLOYMENT + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: zonepay-rz1\n", "test"))
			.extracting(object -> object.getClass().getSimpleName())
			.containsExactly("V1Deployment", "V1Namespace");
	}

	@Test
	void rejectsAMisspelledFieldInAContainer() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictManifests.parse(DEPLOYMENT.replace("livenessProbe", "livenesProbe"), "test"))
			.withMessageContaining("livenesProbe")
			.withMessageContaining("V1Container");
	}

	@Test
	void rejectsAMisspelledFieldDeepInAProbe() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictManifests.parse(DEPLOYMENT.replace("path:", "paht:"), "test"))
			.withMessageContaining("paht")
			.withMessageContaining("V1HTTPGetAction");
	}

	@Test
	void rejectsAMisspelledTopLevelField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictManifests.parse(DEPLOYMENT.replace("metadata:", "metdata:"), "test"))
			.withMessageContaining("metdata");
	}

	@Test
	void rejectsAKindTheDeploymentDoesNotUse() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> StrictManifests.parse("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\n", "test"))
			.withMessageContaining("unexpected kind apps/v1/StatefulSet");
	}

	@Test
	void rejectsAKindUnderTheWrongApiVersion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictManifests.parse(DEPLOYMENT.replace("apps/v1", "extensions/v1beta1"), "test"))
			.withMessageContaining("unexpected kind extensions/v1beta1/Deployment");
	}

}
