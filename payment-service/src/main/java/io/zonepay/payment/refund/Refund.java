package io.zonepay.payment.refund;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Type;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.payment.payment.PaymentStatus;
import io.zonepay.service.persistence.TypedIdType;

import org.jspecify.annotations.Nullable;

/**
 * A refund of part or all of a payment: PENDING while its posting is under way, then
 * SUCCEEDED or FAILED for good.
 */
@Entity
@Table(name = "refunds")
class Refund {

	@Id
	@Type(TypedIdType.class)
	private RefundId id;

	@Column(name = "payment_id", nullable = false)
	@Type(TypedIdType.class)
	private PaymentId paymentId;

	@Column(nullable = false)
	private long amount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 12)
	private PaymentStatus status;

	@Column(name = "failure_code", length = 40)
	private @Nullable String failureCode;

	@Column(name = "request_key", nullable = false, length = 330)
	private String requestKey;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/**
	 * Null until first stored: that is how a save of a new one (whose id is assigned
	 * here) knows to insert without a look-up.
	 */
	@Version
	private @Nullable Long version;

	protected Refund() {
		// for JPA
		this.status = PaymentStatus.PENDING;
		this.requestKey = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Refund(RefundId id, PaymentId paymentId, long amount, String requestKey, Instant now) {
		if (amount <= 0) {
			throw new IllegalArgumentException("a refund is positive, not " + amount);
		}
		this.id = id;
		this.paymentId = paymentId;
		this.amount = amount;
		this.status = PaymentStatus.PENDING;
		this.requestKey = requestKey;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Whether this refund was made by the request with this key, as
	 * {@code Payment.madeBy} tells for a payment.
	 */
	boolean madeBy(String key) {
		return key.equals(requestKey);
	}

	/** Its posting exists; answers whether this changed anything. */
	boolean succeed(Instant now) {
		if (status == PaymentStatus.SUCCEEDED) {
			return false;
		}
		requirePending();
		status = PaymentStatus.SUCCEEDED;
		updatedAt = now;
		return true;
	}

	/**
	 * Its reference was voided: it never moves money. Answers whether this changed
	 * anything.
	 */
	boolean fail(String code, Instant now) {
		if (status == PaymentStatus.FAILED) {
			return false;
		}
		requirePending();
		status = PaymentStatus.FAILED;
		failureCode = code;
		updatedAt = now;
		return true;
	}

	private void requirePending() {
		if (status != PaymentStatus.PENDING) {
			throw new IllegalStateException("refund " + id + " is " + status + " already");
		}
	}

	String postingReference() {
		return "refund:" + id;
	}

	RefundId id() {
		return id;
	}

	Shard shard() {
		return id.shard();
	}

	PaymentId paymentId() {
		return paymentId;
	}

	long amount() {
		return amount;
	}

	PaymentStatus status() {
		return status;
	}

	@Nullable String failureCode() {
		return failureCode;
	}

	Instant createdAt() {
		return createdAt;
	}

}
