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

/**
 * The payments of this shard group: read through JPA, recorded and decided in SQL
 * ({@link PaymentWrites}).
 */
public interface Payments extends Repository<Payment, PaymentId>, PaymentWrites {

	Payment save(Payment payment);

	Optional<Payment> findById(PaymentId id);

	/**
	 * Locks the payment for the rest of the transaction: refunds of one payment take
	 * their turn.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> lockById(PaymentId id);

	/**
	 * In one look, what stands in the way of a new payment: the payment made by the same
	 * request (its caller and Idempotency-Key), whatever became of it, and the order's
	 * payment that is not FAILED (at most one, by a unique index); the same payment when
	 * they are one.
	 */
	@Query("select p from Payment p where p.requestKey = :requestKey or (p.orderId = :orderId"
			+ " and p.status <> io.zonepay.payment.payment.PaymentStatus.FAILED)")
	List<Payment> findOwnOrLive(String requestKey, OrderId orderId);

	@Query("select p from Payment p where p.status = io.zonepay.payment.payment.PaymentStatus.PENDING"
			+ " and p.createdAt < :before order by p.createdAt")
	List<Payment> findPendingBefore(Instant before, Limit limit);

}
