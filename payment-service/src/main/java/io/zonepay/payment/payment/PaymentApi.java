package io.zonepay.payment.payment;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.payment.PaymentController.PaymentView;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the payment calls answer, for the OpenAPI document: a decided payment, or the
 * problems below.
 */
@Configuration(proxyBeanMethods = false)
class PaymentApi {

	@Bean
	ApiOperations paymentOperations() {
		return ApiOperations.builder()
			// A declined payment is a 201 too: status FAILED with its failureCode
			// (INSUFFICIENT_FUNDS, MERCHANT_INACTIVE, ...).
			.answers("POST /api/payments", 201, PaymentView.class)
			.problems("POST /api/payments", PaymentProblem.ORDER_NOT_FOUND, PaymentProblem.ORDER_ALREADY_PAID,
					PaymentProblem.ORDER_NOT_PAYABLE, PaymentProblem.PAYMENT_IN_PROGRESS,
					PaymentProblem.PAYMENTS_PAUSED, CommonProblem.STALE_GLOBAL_DATA)
			.problems("GET /api/payments/{paymentId}", PaymentProblem.PAYMENT_NOT_FOUND)
			.build();
	}

}
