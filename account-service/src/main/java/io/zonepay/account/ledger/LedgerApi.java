package io.zonepay.account.ledger;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.ledger.BalanceController.DepositView;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the money calls of a user answer, for the OpenAPI document. Another user's money
 * answers USER_NOT_FOUND, as a user that does not exist would.
 */
@Configuration(proxyBeanMethods = false)
class LedgerApi {

	@Bean
	ApiOperations ledgerOperations() {
		return ApiOperations.builder()
			.answers("POST /api/users/{userId}/deposits", 201, DepositView.class)
			// A deposit shows in the balances and the ledger; it has no path of its own
			// yet.
			.withoutLocation("POST /api/users/{userId}/deposits")
			.problems("POST /api/users/{userId}/deposits", AccountProblem.USER_NOT_FOUND,
					CommonProblem.UNKNOWN_CURRENCY, AccountProblem.AMOUNT_OUT_OF_RANGE, CommonProblem.STALE_GLOBAL_DATA)
			.problems("GET /api/users/{userId}/balances", AccountProblem.USER_NOT_FOUND)
			.problems("GET /api/users/{userId}/ledger", AccountProblem.USER_NOT_FOUND)
			.build();
	}

}
