package io.zonepay.order.order;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.service.idempotency.IdempotentRequests;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders}: a user's own orders; {@code /internal/orders/{id}} for
 * payment-service.
 */
@RestController
class OrderController {

	private static final int MAX_LIMIT = 100;

	private final OrderService orders;

	private final IdempotentRequests idempotency;

	private final GlobalData global;

	OrderController(OrderService orders, IdempotentRequests idempotency, GlobalData global) {
		this.orders = orders;
		this.idempotency = idempotency;
		this.global = global;
	}

	@PostMapping("/api/orders")
	ResponseEntity<String> place(
			@RequestHeader(name = ZonePayHeaders.IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody NewOrder request, Caller caller) {
		UserId buyer = buyer(caller);
		Money amount = new Money(request.amount(), global.acceptedCurrency(request.currency()));
		String description = request.description() == null ? "" : request.description().strip();
		return idempotency.execute(caller, key, "POST /api/orders", request, () -> {
			Order order = orders.place(buyer, request.merchantId(), amount, description);
			return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(OrderView.of(order));
		});
	}

	@GetMapping("/api/orders/{orderId}")
	OrderView order(@PathVariable OrderId orderId, Caller caller) {
		return OrderView.of(orders.find(caller, orderId));
	}

	@GetMapping("/api/orders")
	OrderList mine(@RequestParam(defaultValue = "20") int limit, Caller caller) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "limit is 1.." + MAX_LIMIT);
		}
		return new OrderList(orders.ofUser(buyer(caller), limit).stream().map(OrderView::of).toList());
	}

	@PostMapping("/api/orders/{orderId}/cancel")
	OrderView cancel(@PathVariable OrderId orderId, Caller caller) {
		return OrderView.of(orders.cancel(caller, orderId));
	}

	@GetMapping("/internal/orders/{orderId}")
	OrderView internal(@PathVariable OrderId orderId, Caller caller) {
		if (!caller.has(Role.SYSTEM)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "this read is for ZonePay's own services");
		}
		return OrderView.of(orders.find(caller, orderId));
	}

	private static UserId buyer(Caller caller) {
		UserId user = caller.user();
		if (user == null) {
			throw new ProblemException(CommonProblem.UNAUTHENTICATED, "orders belong to a user; send a user's token");
		}
		return user;
	}

	record NewOrder(@NotNull MerchantId merchantId, @NotNull @Positive Long amount,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
			@Nullable @Size(max = 200) String description) {
	}

	record OrderList(List<OrderView> orders) {
	}

	/** An order as the API shows it. */
	record OrderView(OrderId orderId, UserId userId, MerchantId merchantId, long amount, String currency,
			String description, String status, @Nullable PaymentId paymentId, long refundedAmount, Instant createdAt) {

		static OrderView of(Order order) {
			return new OrderView(order.id(), order.user(), order.merchantId(), order.amount().amount(),
					order.amount().currency().code(), order.description(), order.status().name(), order.paymentId(),
					order.refundedAmount(), order.createdAt());
		}
	}

}
