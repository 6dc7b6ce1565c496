package io.zonepay.config.merchant;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.merchant.MerchantAdminController.Written;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static io.zonepay.config.global.GlobalReadHeaders.globalRead;
import static io.zonepay.config.global.GlobalReadHeaders.globalWrite;

/**
 * What the merchant calls answer, for the OpenAPI document: reads at every copy, writes
 * at the GZone.
 */
@Configuration(proxyBeanMethods = false)
class MerchantApi {

	private static final String READ = "GET /api/merchants/{merchantId}";

	private static final String CREATE = "POST /admin/merchants";

	private static final String UPDATE = "PUT /admin/merchants/{merchantId}";

	@Bean
	ApiOperations merchantReads() {
		return globalRead(ApiOperations.builder(), READ).answers(READ, 200, MerchantView.class)
			.problems(READ, ConfigProblem.MERCHANT_NOT_FOUND)
			.build();
	}

	@Bean
	@Profile("!czone")
	ApiOperations merchantWrites() {
		ApiOperations.Builder writes = ApiOperations.builder()
			.answers(CREATE, 201, Written.class)
			.problems(CREATE, ConfigProblem.MERCHANT_EXISTS)
			.problems(UPDATE, ConfigProblem.MERCHANT_NOT_FOUND);
		return globalWrite(globalWrite(writes, CREATE), UPDATE).build();
	}

	/** A merchant as global data carries it, with the version of its last change. */
	record MerchantView(String merchantId, String name, String currency, String status, long version) {
	}

}
