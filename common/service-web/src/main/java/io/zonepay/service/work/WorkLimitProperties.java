package io.zonepay.service.work;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much outside work a service takes at once.
 *
 * @param maxInFlight requests from outside the zone served at once; a few times the
 * database pool, since a request also waits on the zone's other services
 * @param maxWait the longest a request waits for a place; never more than half of what
 * its deadline leaves, so that it can still be served once it has one
 */
@ConfigurationProperties("zonepay.work")
public record WorkLimitProperties(@DefaultValue("32") int maxInFlight, @DefaultValue("200ms") Duration maxWait) {
}
