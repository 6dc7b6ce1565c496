package io.zonepay.gateway.routing;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /internal/gateway/zones}: {@link ZoneAnswers} for the GZone's supervisor.
 * Operational facts only (a count and a duration per zone), like the operations page's
 * state.
 */
@Configuration(proxyBeanMethods = false)
class ZoneAnswersRoute {

	static final String PATH = "/internal/gateway/zones";

	@Bean
	RouterFunction<ServerResponse> zoneAnswersView(ZoneAnswers answers) {
		return RouterFunctions.route()
			.GET(PATH,
					request -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.cacheControl(CacheControl.noStore())
						.bodyValue(Map.of("zones", answers.view())))
			.build();
	}

}
