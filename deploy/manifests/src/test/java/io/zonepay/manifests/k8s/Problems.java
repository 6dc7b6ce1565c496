package io.zonepay.manifests.k8s;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is wrong with a rendering, gathered so that a failure names every broken object in
 * one line each.
 */
final class Problems {

	private final List<String> problems = new ArrayList<>();

	void check(boolean holds, String problem) {
		if (!holds) {
			problems.add(problem);
		}
	}

	void assertNone(String what) {
		assertThat(problems).as(what).isEmpty();
	}

}
