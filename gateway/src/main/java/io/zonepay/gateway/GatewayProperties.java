package io.zonepay.gateway;

import java.util.Objects;

import io.zonepay.kernel.zone.CityId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param city the city this gateway serves; it reads global data from that city's CZone
 * @param maxBodySize the largest request body the gateway accepts; API bodies are a few
 * hundred bytes
 */
@ConfigurationProperties("zonepay.gateway")
public record GatewayProperties(CityId city, @DefaultValue("16KB") DataSize maxBodySize) {

	public GatewayProperties {
		Objects.requireNonNull(city, "set zonepay.gateway.city: the city this gateway serves");
	}
}
