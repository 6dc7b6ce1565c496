package io.zonepay.payment.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The payments of this shard group. */
public interface Payments extends Repository<Payment, PaymentId> {

	Payment save(Payment payment);

	Payment saveAndFlush(Payment payment);

	Optional<Payment> findById(PaymentId id);

	/**
	 * Locks the payment for the rest of the transaction: refunds of one payment take
	 * their turn.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> lockById(PaymentId id);

	/**
	 * The payment made by a request (its caller and Idempotency-Key), whatever became of
	 * it.
	 */
	Optional<Payment> findByRequestKey(String requestKey);

	/** The payment of an order that is not FAILED: at most one, by a unique index. */
	@Query("select p from Payment p where p.orderId = :orderId"
			+ " and p.status <> io.zonepay.payment.payment.PaymentStatus.FAILED")
	Optional<Payment> findLiveByOrder(OrderId orderId);

	@Query("select count(p) from Payment p where p.userId = :userId and p.createdAt > :since")
	long countByUserSince(UserId userId, Instant since);

	@Query("select p from Payment p where p.status = io.zonepay.payment.payment.PaymentStatus.PENDING"
			+ " and p.createdAt < :before order by p.createdAt")
	List<Payment> findPendingBefore(Instant before, Limit limit);

}
