package io.zonepay.config.supervision;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.routing.RoutingApi.RoutingTableView;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static io.zonepay.config.global.GlobalReadHeaders.globalWrite;

/** What the operators' zone calls answer, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class ZonesApi {

	private static final String FAILOVER = "POST /admin/zones/{zoneId}/failover";

	@Bean
	ApiOperations zoneOperations() {
		return globalWrite(ApiOperations.builder(), FAILOVER).answers(FAILOVER, 200, RoutingTableView.class)
			.problems(FAILOVER, ConfigProblem.ZONE_NOT_FOUND, ConfigProblem.NOT_AN_RZONE, ConfigProblem.INVALID_MOVE)
			.build();
	}

}
