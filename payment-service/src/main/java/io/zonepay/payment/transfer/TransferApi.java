package io.zonepay.payment.transfer;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.transfer.TransferController.TransferView;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the transfer calls answer, for the OpenAPI document: a transfer accepted, decided
 * or on its way.
 */
@Configuration(proxyBeanMethods = false)
class TransferApi {

	@Bean
	ApiOperations transferOperations() {
		return ApiOperations.builder()
			.answers("POST /api/transfers", 202, TransferView.class)
			.problems("POST /api/transfers", CommonProblem.UNKNOWN_CURRENCY, PaymentProblem.AMOUNT_OUT_OF_RANGE,
					PaymentProblem.TRANSFER_TO_SELF, PaymentProblem.PAYMENTS_PAUSED, CommonProblem.STALE_GLOBAL_DATA)
			.problems("GET /api/transfers/{transferId}", PaymentProblem.TRANSFER_NOT_FOUND)
			.build();
	}

}
