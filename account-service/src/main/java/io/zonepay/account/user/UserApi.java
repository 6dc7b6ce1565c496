package io.zonepay.account.user;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.user.UserController.UserCreated;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the user calls answer, for the OpenAPI document: signing up is the one call
 * without a token.
 */
@Configuration(proxyBeanMethods = false)
class UserApi {

	@Bean
	ApiOperations userOperations() {
		return ApiOperations.builder()
			.answers("POST /api/users", 201, UserCreated.class)
			.withoutToken("POST /api/users")
			.problems("GET /api/users/{userId}", AccountProblem.USER_NOT_FOUND)
			.build();
	}

}
