package io.zonepay.config.global;

import io.zonepay.kernel.identity.Caller;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/global/snapshot}: everything, at one version, for a replica to
 * start from. GZone only.
 */
@RestController
@Profile("!czone")
class SnapshotController {

	private final SnapshotReader snapshots;

	SnapshotController(SnapshotReader snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping("/internal/global/snapshot")
	Snapshot snapshot(Caller caller) {
		Operators.requireAdminOrSystem(caller);
		return snapshots.read();
	}

}
