package io.zonepay.config.global;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How global data travels from the GZone to the CZones, and the freshness a CZone
 * promises.
 *
 * @param topic the Kafka topic of the change log: one partition, so that it keeps version
 * order
 * @param replicationFactor the topic's replication factor (1 on a single local broker)
 * @param relayInterval how often the relay looks for new changes a commit of this
 * instance did not wake it for (another instance's), and whether a heartbeat is due: at
 * most half the heartbeat interval
 * @param relayBatch the most changes the relay publishes in one go
 * @param heartbeatInterval how often the relay says "complete up to version V at time T"
 * (100-250 ms)
 * @param stalenessBound how old a CZone's data may be before it stops serving it from its
 * own copy
 * @param minVersionWait how long a read with {@code min-version} waits for the CZone to
 * catch up before asking the GZone
 * @param gzone base URLs of the GZone and its standby, the writer first: for a CZone's
 * bootstrap and fallback reads, and a standby's feed; a copy asks the next when one
 * cannot be reached or is not the writer
 * @param gzoneTimeout bound on one call from a CZone to the GZone
 * @param pollTimeout how long a CZone's consumer waits for records in one poll: records
 * (a heartbeat at least every heartbeat interval) end it at once, and stopping wakes it,
 * so a long one only saves an idle copy's wake-ups
 * @param maxPollRecords the most records a CZone applies in one transaction
 * @param retryBackoff pause before a failed relay or replicator step is tried again
 * @param acknowledgeWithin how long a write waits to be on the change log before its
 * answer says it is not yet
 */
@ConfigurationProperties("zonepay.replication")
public record ReplicationProperties(@DefaultValue("zonepay.global.changes") String topic,
		@DefaultValue("1") short replicationFactor, @DefaultValue("125ms") Duration relayInterval,
		@DefaultValue("500") int relayBatch, @DefaultValue("250ms") Duration heartbeatInterval,
		@DefaultValue("1s") Duration stalenessBound, @DefaultValue("500ms") Duration minVersionWait,
		@Nullable List<URI> gzone, @DefaultValue("1s") Duration gzoneTimeout, @DefaultValue("1s") Duration pollTimeout,
		@DefaultValue("500") int maxPollRecords, @DefaultValue("500ms") Duration retryBackoff,
		@DefaultValue("5s") Duration acknowledgeWithin) {

	public ReplicationProperties {
		if (heartbeatInterval.compareTo(Duration.ofMillis(100)) < 0
				|| heartbeatInterval.compareTo(Duration.ofMillis(250)) > 0) {
			throw new IllegalArgumentException("zonepay.replication.heartbeat-interval must be 100-250 ms");
		}
		if (!relayInterval.isPositive() || relayInterval.multipliedBy(2).compareTo(heartbeatInterval) > 0) {
			throw new IllegalArgumentException(
					"zonepay.replication.relay-interval must be positive and at most half the heartbeat interval");
		}
		if (stalenessBound.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"zonepay.replication.staleness-bound must allow at least two heartbeats");
		}
	}
}
