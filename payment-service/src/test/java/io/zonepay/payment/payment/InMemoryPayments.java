package io.zonepay.payment.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;

/**
 * The payments of one shard group in memory, answering each query as its JPQL in
 * {@link Payments} does, so that the flows' unit tests exercise the real rules on real
 * payments. Public for the refund tests, which need a payment in a given state.
 */
public final class InMemoryPayments implements Payments {

	private final Map<PaymentId, Payment> stored = new LinkedHashMap<>();

	/**
	 * Stores a payment of {@code payer} created at {@code createdAt} and brought to
	 * {@code status} as the flow would.
	 */
	public Payment stored(PaymentId id, OrderId orderId, UserId payer, MerchantId merchant, Money amount,
			PaymentStatus status, Instant createdAt) {
		Payment payment = Payment.pending(id, orderId, payer, merchant, amount, "user:" + payer + ":" + id, createdAt);
		switch (status) {
			case SUCCEEDED -> payment.succeed(createdAt);
			case FAILED -> payment.fail(FailureCode.INSUFFICIENT_FUNDS, createdAt);
			case PENDING -> {
			}
		}
		return save(payment);
	}

	public List<Payment> all() {
		return List.copyOf(stored.values());
	}

	@Override
	public Payment save(Payment payment) {
		stored.put(payment.id(), payment);
		return payment;
	}

	@Override
	public Optional<Payment> findById(PaymentId id) {
		return Optional.ofNullable(stored.get(id));
	}

	@Override
	public Optional<Payment> lockById(PaymentId id) {
		return findById(id);
	}

	@Override
	public List<Payment> findOwnOrLive(String requestKey, OrderId orderId) {
		return stored.values()
			.stream()
			.filter(payment -> payment.madeBy(requestKey) || live(payment, orderId))
			.toList();
	}

	/**
	 * Stores it unless its id, its request or (live) its order's live payment is taken.
	 */
	@Override
	public boolean insertIfAbsent(Payment payment) {
		boolean taken = stored.values()
			.stream()
			.anyMatch(other -> other.id().equals(payment.id())
					|| (payment.requestKey() != null && other.madeBy(payment.requestKey()))
					|| (payment.status() != PaymentStatus.FAILED && live(other, payment.orderId())));
		if (!taken) {
			save(payment);
		}
		return !taken;
	}

	@Override
	public boolean decide(PaymentId paymentId, @Nullable FailureCode failure, Instant now) {
		Payment payment = stored.get(paymentId);
		if (payment == null || payment.status() != PaymentStatus.PENDING) {
			return false;
		}
		if (failure == null) {
			payment.succeed(now);
		}
		else {
			payment.fail(failure, now);
		}
		return true;
	}

	private static boolean live(Payment payment, OrderId orderId) {
		return payment.orderId().equals(orderId) && payment.status() != PaymentStatus.FAILED;
	}

	@Override
	public List<Payment> findPendingBefore(Instant before, Limit limit) {
		return stored.values()
			.stream()
			.filter(payment -> payment.status() == PaymentStatus.PENDING && payment.createdAt().isBefore(before))
			.sorted(Comparator.comparing(Payment::createdAt))
			.limit(limit.isLimited() ? limit.max() : Long.MAX_VALUE)
			.toList();
	}

}
