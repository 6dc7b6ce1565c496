package io.zonepay.config.supervision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the GZone watches its RZones.
 *
 * @param enabled whether this GZone supervises at all; without it zones change only by
 * operators' commands
 * @param interval the pause between two rounds of checks
 * @param checkTimeout bound on one health check (and on one staleness question to a
 * CZone), connecting included
 * @param missesBeforeDown checks in a row a zone must miss to be marked DOWN, and answer
 * to be marked UP again
 * @param managementPortOffset a service's management port is its service port plus this
 * @param watchPath where a service streams its liveness on the management port: the
 * supervisor keeps one stream open per service and judges each round by what they said
 * @param healthPath what a check asks for on the management port, of a service that
 * serves no watch (an older version, in a rolling upgrade) or has no room for another
 * @param startupGrace how long after this GZone starts a zone that has not answered yet
 * is not held to account
 * @param cascadeGuard how long a zone that took shards over automatically is not itself
 * failed over automatically
 * @param unresponsiveFor how long a zone whose checks time out (rather than being
 * refused) must go without answering before it is marked DOWN: a frozen zone never
 * answers, a busy one answers some check in that time
 * @param silentBeforeDown how long a gateway must have had requests waiting on a zone
 * with not one answer, for a zone that also missed a check to be marked DOWN at once: a
 * busy zone answers its traffic, slowly; a frozen one answers nothing. Zero goes by the
 * checks alone
 * @param gatewayTimeout bound on asking the gateways what they see, each round
 */
@ConfigurationProperties("zonepay.supervisor")
record SupervisorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration interval,
		@DefaultValue("2s") Duration checkTimeout, @DefaultValue("3") int missesBeforeDown,
		@DefaultValue("100") int managementPortOffset, @DefaultValue("/actuator/liveness-watch") String watchPath,
		@DefaultValue("/actuator/health/liveness") String healthPath, @DefaultValue("2m") Duration startupGrace,
		@DefaultValue("60s") Duration cascadeGuard, @DefaultValue("15s") Duration unresponsiveFor,
		@DefaultValue("2s") Duration silentBeforeDown, @DefaultValue("500ms") Duration gatewayTimeout) {

	SupervisorProperties {
		if (!interval.isPositive() || !checkTimeout.isPositive()) {
			throw new IllegalArgumentException("zonepay.supervisor.interval and check-timeout must be positive");
		}
		if (missesBeforeDown < 1 || missesBeforeDown > 100) {
			throw new IllegalArgumentException(
					"zonepay.supervisor.misses-before-down must be 1-100, not " + missesBeforeDown);
		}
		if (managementPortOffset < 0 || managementPortOffset > 10_000) {
			throw new IllegalArgumentException(
					"zonepay.supervisor.management-port-offset must be 0-10000, not " + managementPortOffset);
		}
		if (!healthPath.startsWith("/") || !watchPath.startsWith("/")) {
			throw new IllegalArgumentException("zonepay.supervisor.health-path and watch-path must start with /, not "
					+ healthPath + " and " + watchPath);
		}
		if (cascadeGuard.isNegative()) {
			throw new IllegalArgumentException("zonepay.supervisor.cascade-guard cannot be negative");
		}
		if (unresponsiveFor.isNegative()) {
			throw new IllegalArgumentException("zonepay.supervisor.unresponsive-for cannot be negative");
		}
		if (silentBeforeDown.isNegative() || !gatewayTimeout.isPositive()) {
			throw new IllegalArgumentException(
					"zonepay.supervisor.silent-before-down cannot be negative, gateway-timeout must be positive");
		}
		if (startupGrace.isNegative()) {
			throw new IllegalArgumentException("zonepay.supervisor.startup-grace cannot be negative");
		}
	}
}
