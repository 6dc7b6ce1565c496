package io.zonepay.kernel.problem;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemCodeTests {

	@Test
	void aServicesOwnCodeHasAStableTypeToo() {
		ProblemCode problem = ProblemCode.of("INSUFFICIENT_FUNDS", 422, "Not enough money");
		assertThat(problem.type()).isEqualTo(URI.create("https://zonepay.io/problems/insufficient-funds"));
		assertThat(problem.status()).isEqualTo(422);
	}

	@Test
	void refusesCodesThatCouldNotBeStable() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemCode.of("insufficient funds", 422, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemCode.of("OK", 200, "x"));
	}

}
