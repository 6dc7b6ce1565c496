package io.zonepay.payment.refund;

import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.refund.RefundController.RefundView;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the refund calls answer, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class RefundApi {

	@Bean
	ApiOperations refundOperations() {
		return ApiOperations.builder()
			.answers("POST /api/payments/{paymentId}/refunds", 201, RefundView.class)
			.problems("POST /api/payments/{paymentId}/refunds", PaymentProblem.PAYMENT_NOT_FOUND,
					PaymentProblem.PAYMENT_NOT_REFUNDABLE, PaymentProblem.REFUND_EXCEEDS_PAYMENT)
			.problems("GET /api/payments/{paymentId}/refunds/{refundId}", PaymentProblem.REFUND_NOT_FOUND)
			.build();
	}

}
