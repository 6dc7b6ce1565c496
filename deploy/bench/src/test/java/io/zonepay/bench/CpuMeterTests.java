package io.zonepay.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTests {

	@Test
	void aProcessCountsItsOwnTicksAndPostgresAlsoItsExitedChildren() {
		// utime 120, stime 30, cutime 400, cstime 100
		String java = "4242 (java) S 1 4242 4242 0 -1 4194560 9 0 0 0 120 30 400 100 20 0 40 0 100 0 0";
		String postmaster = "4243 (postgres) S 1 4243 4243 0 -1 4194560 9 0 0 0 120 30 400 100 20 0 1 0 100 0 0";
		String spaced = "4244 (C2 Compiler) S 1 4244 4244 0 -1 4194560 9 0 0 0 7 3 0 0 20 0 1 0 100 0 0";

		assertThat(CpuMeter.ticks(java)).isEqualTo(150);
		assertThat(CpuMeter.ticks(postmaster)).isEqualTo(650);
		assertThat(CpuMeter.ticks(spaced)).isEqualTo(10);
	}

}
