package io.zonepay.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostCpuTests {

	@Test
	void saysWhatShareOfTheTicksWasIdleAndWhatWasStolenBetweenTwoReadings() {
		long[] before = HostCpu.parse("cpu  1000 0 200 5000 100 0 10 300 0 0").orElseThrow();
		long[] after = HostCpu.parse("cpu  1400 0 300 5100 100 0 10 700 0 0").orElseThrow();

		// 400 user + 100 system + 100 idle + 400 steal = 1000 ticks.
		assertThat(HostCpu.describe(before, after)).contains("10 % idle, 40 % stolen by other tenants of the host");
		assertThat(HostCpu.idleShare(before, after)).hasValue(0.1);
	}

	@Test
	void saysNothingOfALineItCannotReadOrOfNoTimePassing() {
		assertThat(HostCpu.parse("intr 12 3 4")).isEmpty();
		assertThat(HostCpu.parse("cpu 1 2 3")).isEmpty();
		assertThat(HostCpu.parse("cpu 1 2 3 4 5 6 7 x")).isEmpty();
		long[] same = HostCpu.parse("cpu 1 2 3 4 5 6 7 8").orElseThrow();
		assertThat(HostCpu.describe(same, same)).isEmpty();
		assertThat(HostCpu.idleShare(same, same)).isEmpty();
	}

}
