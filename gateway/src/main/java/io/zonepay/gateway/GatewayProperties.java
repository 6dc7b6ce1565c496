package io.zonepay.gateway;

import java.util.Objects;

import io.zonepay.kernel.zone.CityId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param city the city this gateway serves; it reads global data from that city's CZone
 */
@ConfigurationProperties("zonepay.gateway")
public record GatewayProperties(CityId city) {

	public GatewayProperties {
		Objects.requireNonNull(city, "set zonepay.gateway.city: the city this gateway serves");
	}
}
