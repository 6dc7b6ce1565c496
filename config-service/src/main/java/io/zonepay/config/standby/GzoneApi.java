package io.zonepay.config.standby;

import io.zonepay.service.openapi.ApiOperations;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** What the GZone's own status calls answer, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class GzoneApi {

	@Bean
	ApiOperations gzoneOperations() {
		return ApiOperations.builder()
			.answers("GET /admin/gzone", 200, GzoneStatus.class)
			.answers("POST /admin/gzone/promote", 200, GzoneStatus.class)
			.problems("POST /admin/gzone/promote", Promotion.PROMOTION_FAILED)
			.build();
	}

	/**
	 * A GZone's status as {@link GzoneController} writes it.
	 *
	 * @param role WRITER, STANDBY or FENCED
	 * @param term the writer's term; a promotion starts a newer one
	 * @param version the newest version of global data it holds
	 * @param why what made it what it is, when that is not the plain writer
	 * @param promoted when and why a standby was promoted, on the promoted one
	 */
	record GzoneStatus(String zone, String role, long term, long version, @Nullable String why,
			Promotion.@Nullable Promoted promoted) {
	}

}
