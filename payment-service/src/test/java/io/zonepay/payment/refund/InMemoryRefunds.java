package io.zonepay.payment.refund;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.payment.payment.PaymentStatus;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;

/**
 * The refunds of one shard group in memory, answering each query as its JPQL in
 * {@link Refunds} does.
 */
final class InMemoryRefunds implements Refunds {

	private final Map<RefundId, Refund> stored = new LinkedHashMap<>();

	List<Refund> all() {
		return List.copyOf(stored.values());
	}

	@Override
	public Refund save(Refund refund) {
		stored.put(refund.id(), refund);
		return refund;
	}

	@Override
	public Refund saveAndFlush(Refund refund) {
		return save(refund);
	}

	@Override
	public Optional<Refund> findById(RefundId id) {
		return Optional.ofNullable(stored.get(id));
	}

	@Override
	public Optional<Refund> findByRequestKey(String requestKey) {
		return stored.values().stream().filter(refund -> refund.madeBy(requestKey)).findFirst();
	}

	@Override
	public boolean decide(RefundId refundId, @Nullable String failure, Instant now) {
		Refund refund = stored.get(refundId);
		if (refund == null || refund.status() != PaymentStatus.PENDING) {
			return false;
		}
		if (failure == null) {
			refund.succeed(now);
		}
		else {
			refund.fail(failure, now);
		}
		return true;
	}

	@Override
	public List<Refund> findPendingBefore(Instant before, Limit limit) {
		return stored.values()
			.stream()
			.filter(refund -> refund.status() == PaymentStatus.PENDING && refund.createdAt().isBefore(before))
			.sorted(Comparator.comparing(Refund::createdAt))
			.limit(limit.isLimited() ? limit.max() : Long.MAX_VALUE)
			.toList();
	}

}
