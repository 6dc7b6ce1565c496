package io.zonepay.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrillLoadTests {

	@Test
	void payersTakeTurnsAcrossZonesSoNoZoneGetsTheWholeRateAtOnce() {
		List<DrillUser> users = new ArrayList<>();
		for (String zone : List.of("rz1", "rz2", "rz3")) {
			for (int i = 0; i < 3; i++) {
				users.add(new DrillUser(zone + "-" + i, zone, i, URI.create("http://localhost:8080"), "t"));
			}
		}
		users.add(new DrillUser("rz4-0", "rz4", 0, URI.create("http://localhost:8080"), "t"));

		List<String> rotation = DrillLoad.interleaved(users).stream().map(DrillUser::id).toList();

		assertThat(rotation).containsExactly("rz1-0", "rz2-0", "rz3-0", "rz4-0", "rz1-1", "rz2-1", "rz3-1", "rz1-2",
				"rz2-2", "rz3-2");
	}

}
