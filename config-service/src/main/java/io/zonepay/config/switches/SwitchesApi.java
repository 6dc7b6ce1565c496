package io.zonepay.config.switches;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.zonepay.config.ConfigProblem;
import io.zonepay.service.openapi.ApiOperations;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static io.zonepay.config.global.GlobalReadHeaders.globalRead;
import static io.zonepay.config.global.GlobalReadHeaders.globalWrite;

/**
 * What the degrade switch calls answer, for the OpenAPI document: read at every copy,
 * flipped at the GZone.
 */
@Configuration(proxyBeanMethods = false)
class SwitchesApi {

	private static final String READ = "GET /api/global/switches";

	private static final String PUT = "PUT /admin/switches/{name}";

	@Bean
	ApiOperations switchReads() {
		return globalRead(ApiOperations.builder(), READ).answers(READ, 200, SwitchesView.class).build();
	}

	@Bean
	@Profile("!czone")
	ApiOperations switchWrites() {
		return globalWrite(ApiOperations.builder(), PUT).answers("GET /admin/switches", 200, SwitchesView.class)
			.reads(PUT, SwitchChange.class)
			.answers(PUT, 200, SwitchWritten.class)
			.problems(PUT, ConfigProblem.SWITCH_NOT_FOUND)
			.build();
	}

	/**
	 * The switches that were ever set, as their controllers write them; a switch never
	 * set has its default.
	 *
	 * @param version the version of global data they were read at; on
	 * {@code GET /api/global/switches} only
	 */
	record SwitchesView(@Nullable Long version, List<SwitchView> switches) {
	}

	/** A switch and the version of its last change. */
	record SwitchView(String name, String value, long version) {
	}

	/**
	 * The new value of a switch: a string, boolean or whole number, as the switch takes
	 * it.
	 */
	record SwitchChange(@Schema(types = {
			"string", "boolean", "integer" }, example = "true") Object value){
	}

	/** A switch as just set, with the version of global data that holds it. */
	record SwitchWritten(String name, String value, long version) {
	}

}
