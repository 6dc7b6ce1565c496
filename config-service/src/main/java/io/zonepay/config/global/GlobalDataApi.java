package io.zonepay.config.global;

import java.time.Instant;

import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code GET /api/global/watermark} answers, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class GlobalDataApi {

	@Bean
	ApiOperations globalDataOperations() {
		return ApiOperations.builder().answers("GET /api/global/watermark", 200, WatermarkView.class).build();
	}

	/**
	 * The watermark as {@link GlobalDataController} writes it.
	 *
	 * @param zone the zone whose copy this is
	 * @param version the newest version of global data it holds
	 * @param sourceTime when the GZone wrote that version
	 * @param stalenessMs how far behind the GZone the copy may be
	 * @param stale whether that is beyond the bound reads accept
	 * @param writerReachable whether this copy hears the GZone
	 * @param writer {@code unavailable} when the GZone cannot be reached from anywhere
	 * this copy asks, else {@code available}
	 */
	record WatermarkView(String zone, long version, Instant sourceTime, long stalenessMs, boolean stale,
			boolean writerReachable, String writer) {
	}

}
