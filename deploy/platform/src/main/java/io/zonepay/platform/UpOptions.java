package io.zonepay.platform;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code ./zonepay up} starts the platform.
 *
 * @param topologyFile the zones to start, as an absolute path: every process reads it
 * @param kafkaPort the broker's port; its controller listens on the next one
 * @param timeout how long every process has to report itself ready
 * @param traces whether to run Zipkin too and send it every service's traces
 */
record UpOptions(Path topologyFile, int postgresPort, int kafkaPort, Duration timeout, boolean traces) {

	static final int POSTGRES_PORT = 15432;

	static final int KAFKA_PORT = 19092;

}
