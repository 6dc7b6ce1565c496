package io.zonepay.config.currency;

import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static io.zonepay.config.global.GlobalReadHeaders.globalWrite;

/** What {@code PUT /admin/currencies/{code}} answers, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class CurrencyApi {

	private static final String PUT = "PUT /admin/currencies/{code}";

	@Bean
	ApiOperations currencyOperations() {
		return globalWrite(ApiOperations.builder(), PUT).answers(PUT, 200, CurrencyView.class).build();
	}

	/**
	 * A currency as {@link CurrencyAdminController} answers it, with the version of
	 * global data that holds it.
	 */
	record CurrencyView(String code, int minorDigits, boolean enabled, long version) {
	}

}
