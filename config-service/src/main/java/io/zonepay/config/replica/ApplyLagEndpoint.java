package io.zonepay.config.replica;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/applylag} on a CZone's management port: the apply lag since the last
 * reset (GET), and a reset (DELETE) to start a new measurement window.
 */
@Endpoint(id = "applylag")
class ApplyLagEndpoint {

	private final ApplyLag lag;

	ApplyLagEndpoint(ApplyLag lag) {
		this.lag = lag;
	}

	@ReadOperation
	Map<String, Object> summary() {
		return lag.summary();
	}

	@DeleteOperation
	void reset() {
		lag.reset();
	}

}
