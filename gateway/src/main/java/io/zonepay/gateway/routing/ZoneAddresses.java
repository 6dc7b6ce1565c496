package io.zonepay.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long the gateway trusts the address a zone's host name resolved to. Reactor Netty's
 * resolver keeps an answer for the TTL its DNS server gives, ten minutes from Docker's; a
 * zone's container started again gets a new address, and its old one may go to another of
 * the zone's containers meanwhile: docker compose verify.sh saw the gateway send rz1's
 * account requests to rz1's order-service (404) for a minute after rz1 came back.
 * Kubernetes services keep their addresses, so a short bound costs a lookup every few
 * seconds per zone, nothing more.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoneAddresses.Properties.class)
class ZoneAddresses {

	@Bean
	HttpClientCustomizer zoneAddressCache(Properties properties) {
		return httpClient -> httpClient.resolver(
				spec -> spec.cacheMaxTimeToLive(properties.cacheFor()).cacheNegativeTimeToLive(properties.cacheFor()));
	}

	/**
	 * @param cacheFor the longest the gateway uses a resolved zone address (and remembers
	 * a failed lookup)
	 */
	@ConfigurationProperties("zonepay.gateway.zone-addresses")
	record Properties(@DefaultValue("5s") Duration cacheFor) {
	}

}
