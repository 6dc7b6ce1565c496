package io.zonepay.payment.refund;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.service.idempotency.IdempotentRequests;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/{paymentId}/refunds}: money back to the payer, never more
 * than was paid; its answer names {@code GET
 * /api/payments/{paymentId}/refunds/{refundId}}, which shows the refund to its payer.
 */
@RestController
class RefundController {

	private final RefundFlow flow;

	private final IdempotentRequests idempotency;

	RefundController(RefundFlow flow, IdempotentRequests idempotency) {
		this.flow = flow;
		this.idempotency = idempotency;
	}

	@PostMapping("/api/payments/{paymentId}/refunds")
	ResponseEntity<String> refund(@PathVariable PaymentId paymentId,
			@RequestHeader(name = ZonePayHeaders.IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody RefundRequest request, Caller caller) {
		String operation = "POST /api/payments/" + paymentId + "/refunds";
		return idempotency.executeClaiming(caller, key, operation, request,
				(Refund refund) -> ResponseEntity.created(URI.create(operation.substring(5) + "/" + refund.id()))
					.body(RefundView.of(refund)),
				asked -> flow.refund(caller, paymentId, request.amount(), asked));
	}

	@GetMapping("/api/payments/{paymentId}/refunds/{refundId}")
	RefundView refund(@PathVariable PaymentId paymentId, @PathVariable RefundId refundId, Caller caller) {
		return flow.find(caller, paymentId, refundId)
			.map(RefundView::of)
			.orElseThrow(() -> new ProblemException(PaymentProblem.REFUND_NOT_FOUND,
					"refund " + refundId + " of payment " + paymentId + " not found"));
	}

	record RefundRequest(@NotNull @Positive Long amount) {
	}

	record RefundView(RefundId refundId, PaymentId paymentId, long amount, String status,
			@Nullable String failureCode) {

		static RefundView of(Refund refund) {
			return new RefundView(refund.id(), refund.paymentId(), refund.amount(), refund.status().name(),
					refund.failureCode());
		}
	}

}
