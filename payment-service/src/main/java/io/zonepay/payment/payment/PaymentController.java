package io.zonepay.payment.payment;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
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
 * {@code POST /api/payments} and {@code GET /api/payments/{paymentId}}: a user pays its
 * own orders.
 */
@RestController
class PaymentController {

	private final PaymentFlow flow;

	private final Payments payments;

	private final IdempotentRequests idempotency;

	PaymentController(PaymentFlow flow, Payments payments, IdempotentRequests idempotency) {
		this.flow = flow;
		this.payments = payments;
		this.idempotency = idempotency;
	}

	/**
	 * 201 with SUCCEEDED or FAILED: a decided payment. The work commits step by step, its
	 * first step claiming the key and its last storing the answer; a retry resumes it.
	 */
	@PostMapping("/api/payments")
	ResponseEntity<String> pay(
			@RequestHeader(name = ZonePayHeaders.IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody PaymentRequest request, Caller caller) {
		UserId payer = payer(caller);
		return idempotency.executeClaiming(caller, key, "POST /api/payments", request,
				(Payment payment) -> ResponseEntity.created(URI.create("/api/payments/" + payment.id()))
					.body(PaymentView.of(payment)),
				asked -> flow.pay(payer, request.orderId(), asked));
	}

	@GetMapping("/api/payments/{paymentId}")
	PaymentView payment(@PathVariable PaymentId paymentId, Caller caller) {
		return payments.findById(paymentId)
			.filter(payment -> caller.mayActFor(payment.userId()))
			.map(PaymentView::of)
			.orElseThrow(() -> new ProblemException(PaymentProblem.PAYMENT_NOT_FOUND,
					"payment " + paymentId + " not found"));
	}

	private static UserId payer(Caller caller) {
		UserId user = caller.user();
		if (user == null) {
			throw new ProblemException(CommonProblem.UNAUTHENTICATED,
					"payments are made by a user; send a user's token");
		}
		return user;
	}

	record PaymentRequest(@NotNull OrderId orderId) {
	}

	/** A payment as the API shows it. */
	record PaymentView(PaymentId paymentId, OrderId orderId, long amount, String currency, String status,
			@Nullable String failureCode, long refundedAmount, Instant createdAt) {

		static PaymentView of(Payment payment) {
			return new PaymentView(payment.id(), payment.orderId(), payment.amount().amount(),
					payment.amount().currency().code(), payment.status().name(), payment.failureCode(),
					payment.refundedAmount(), payment.createdAt());
		}
	}

}
