package io.zonepay.service.zone;

import java.util.Objects;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity of the zone this service runs in. It comes from the environment or the
 * launcher, never from code.
 *
 * @param id the zone, such as {@code rz1}
 * @param city the zone's city, such as {@code hz}
 * @param shardGroup the shard group whose database this service uses; RZones only
 */
@ConfigurationProperties("zonepay.zone")
public record ZoneProperties(ZoneId id, CityId city, @Nullable ShardGroupId shardGroup) {

	public ZoneProperties {
		Objects.requireNonNull(id, "set zonepay.zone.id: the zone this service runs in");
		Objects.requireNonNull(city, "set zonepay.zone.city: the city of the zone");
	}
}
