package io.zonepay.payment.payment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Type;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.persistence.MoneyColumns;
import io.zonepay.service.persistence.TypedIdType;

import org.jspecify.annotations.Nullable;

/**
 * A payment of an order: PENDING while its posting is under way, then SUCCEEDED (the
 * posting exists) or FAILED with a code (it never will). A decided payment never changes
 * its mind. Refunds reserve part of it while they are in flight.
 */
@Entity
@Table(name = "payments")
public class Payment {

	@Id
	@Type(TypedIdType.class)
	private PaymentId id;

	@Column(name = "order_id", nullable = false)
	@Type(TypedIdType.class)
	private OrderId orderId;

	@Column(name = "user_id", nullable = false)
	@Type(TypedIdType.class)
	private UserId userId;

	@Column(name = "merchant_id", nullable = false)
	@Type(TypedIdType.class)
	private MerchantId merchantId;

	@Embedded
	private MoneyColumns amount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 12)
	private PaymentStatus status;

	@Column(name = "failure_code", length = 40)
	private @Nullable String failureCode;

	@Column(name = "refunded_amount", nullable = false)
	private long refundedAmount;

	@Column(name = "refunding_amount", nullable = false)
	private long refundingAmount;

	@Column(name = "request_key", length = 330)
	private @Nullable String requestKey;

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

	protected Payment() {
		// for JPA
		this.status = PaymentStatus.PENDING;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Payment(PaymentId id, OrderId orderId, UserId userId, MerchantId merchantId, Money amount,
			String requestKey, PaymentStatus status, @Nullable String failureCode, Instant now) {
		this.id = id;
		this.orderId = orderId;
		this.userId = userId;
		this.merchantId = merchantId;
		this.amount = MoneyColumns.of(amount);
		this.status = status;
		this.failureCode = failureCode;
		this.requestKey = requestKey;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Payment pending(PaymentId id, OrderId orderId, UserId userId, MerchantId merchantId, Money amount,
			String requestKey, Instant now) {
		return new Payment(id, orderId, userId, merchantId, amount, requestKey, PaymentStatus.PENDING, null, now);
	}

	/**
	 * A payment refused before any money could move: by the limits, the risk rules or the
	 * merchant's state.
	 */
	static Payment refused(PaymentId id, OrderId orderId, UserId userId, MerchantId merchantId, Money amount,
			String requestKey, FailureCode code, Instant now) {
		return new Payment(id, orderId, userId, merchantId, amount, requestKey, PaymentStatus.FAILED, code.name(), now);
	}

	/**
	 * Whether this payment was made by the request with this key: a retry of it resumes
	 * the payment.
	 */
	boolean madeBy(String key) {
		return key.equals(requestKey);
	}

	/** Its posting exists. Answers whether this changed anything (it was PENDING). */
	boolean succeed(Instant now) {
		if (status == PaymentStatus.SUCCEEDED) {
			return false;
		}
		requirePending("succeed");
		status = PaymentStatus.SUCCEEDED;
		updatedAt = now;
		return true;
	}

	/**
	 * Its posting never will exist (the ledger voided its reference). Answers whether
	 * this changed anything.
	 */
	boolean fail(FailureCode code, Instant now) {
		if (status == PaymentStatus.FAILED) {
			return false;
		}
		requirePending("fail");
		status = PaymentStatus.FAILED;
		failureCode = code.name();
		updatedAt = now;
		return true;
	}

	/**
	 * Sets part of a succeeded payment aside for a refund in flight; never more than is
	 * left.
	 */
	public void reserveRefund(long refund, Instant now) {
		if (status != PaymentStatus.SUCCEEDED) {
			throw new IllegalStateException(
					"payment " + id + " is " + status + "; only a succeeded payment is refunded");
		}
		if (refund <= 0 || refundedAmount + refundingAmount + refund > amount().amount()) {
			throw new IllegalArgumentException("refunds of payment " + id + " would total "
					+ (refundedAmount + refundingAmount + refund) + ", more than its " + amount().amount());
		}
		refundingAmount += refund;
		updatedAt = now;
	}

	/** A refund in flight went through. */
	public void completeRefund(long refund, Instant now) {
		requireReserved(refund);
		refundingAmount -= refund;
		refundedAmount += refund;
		updatedAt = now;
	}

	/** A refund in flight did not go through: its amount is free again. */
	public void releaseRefund(long refund, Instant now) {
		requireReserved(refund);
		refundingAmount -= refund;
		updatedAt = now;
	}

	private void requireReserved(long refund) {
		if (refund <= 0 || refund > refundingAmount) {
			throw new IllegalStateException("payment " + id + " has " + refundingAmount + " in flight, not " + refund);
		}
	}

	private void requirePending(String action) {
		if (status != PaymentStatus.PENDING) {
			throw new IllegalStateException("payment " + id + " is " + status + "; it cannot " + action + " now");
		}
	}

	/** The ledger reference of the payment's posting. */
	public String postingReference() {
		return "payment:" + id;
	}

	public PaymentId id() {
		return id;
	}

	public Shard shard() {
		return id.shard();
	}

	public OrderId orderId() {
		return orderId;
	}

	public UserId userId() {
		return userId;
	}

	public MerchantId merchantId() {
		return merchantId;
	}

	public Money amount() {
		return amount.toMoney();
	}

	public PaymentStatus status() {
		return status;
	}

	public @Nullable String failureCode() {
		return failureCode;
	}

	/**
	 * The request that made it (caller and Idempotency-Key); null only for payments made
	 * before requests were recorded.
	 */
	@Nullable String requestKey() {
		return requestKey;
	}

	public long refundedAmount() {
		return refundedAmount;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
