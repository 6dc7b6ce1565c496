package io.zonepay.kernel.problem;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonProblemTests {

	@Test
	void everyCodeHasAStableKebabCaseType() {
		assertThat(CommonProblem.WRONG_ZONE.type()).isEqualTo(URI.create("https://zonepay.io/problems/wrong-zone"));
		assertThat(CommonProblem.WRONG_ZONE.status()).isEqualTo(421);
		assertThat(CommonProblem.STALE_GLOBAL_DATA.code()).isEqualTo("STALE_GLOBAL_DATA");
	}

}
