package io.zonepay.order.order;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.order.OrderProblem;
import io.zonepay.order.order.OrderController.OrderView;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the order calls answer, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OrderApi {

	@Bean
	ApiOperations orderOperations() {
		return ApiOperations.builder()
			.answers("POST /api/orders", 201, OrderView.class)
			.problems("POST /api/orders", CommonProblem.UNKNOWN_CURRENCY, OrderProblem.AMOUNT_OUT_OF_RANGE,
					OrderProblem.MERCHANT_NOT_FOUND, OrderProblem.MERCHANT_INACTIVE, OrderProblem.CURRENCY_MISMATCH,
					CommonProblem.STALE_GLOBAL_DATA)
			.problems("GET /api/orders/{orderId}", OrderProblem.ORDER_NOT_FOUND)
			.problems("POST /api/orders/{orderId}/cancel", OrderProblem.ORDER_NOT_FOUND,
					OrderProblem.ORDER_NOT_CANCELLABLE)
			.build();
	}

}
