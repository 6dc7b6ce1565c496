package io.zonepay.order.order;

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
import io.zonepay.service.persistence.MoneyColumns;
import io.zonepay.service.persistence.TypedIdType;

import org.jspecify.annotations.Nullable;

/**
 * An order of a user at a merchant. Its state moves only through the methods below, each
 * of which checks the state it starts from:
 * {@code CREATED -> PAID -> PARTIALLY_REFUNDED / REFUNDED}, {@code CREATED -> CANCELLED}.
 */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	@Type(TypedIdType.class)
	private OrderId id;

	@Column(name = "user_id", nullable = false)
	@Type(TypedIdType.class)
	private UserId userId;

	@Column(name = "merchant_id", nullable = false)
	@Type(TypedIdType.class)
	private MerchantId merchantId;

	@Embedded
	private MoneyColumns amount;

	@Column(nullable = false, length = 200)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private OrderStatus status;

	@Column(name = "payment_id")
	@Type(TypedIdType.class)
	private @Nullable PaymentId paymentId;

	@Column(name = "refunded_amount", nullable = false)
	private long refundedAmount;

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

	protected Order() {
		// for JPA
		this.description = "";
		this.status = OrderStatus.CREATED;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Order(OrderId id, UserId user, MerchantId merchant, Money amount, String description, Instant now) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("an order is for a positive amount, not " + amount);
		}
		this.id = id;
		this.userId = user;
		this.merchantId = merchant;
		this.amount = MoneyColumns.of(amount);
		this.description = description;
		this.status = OrderStatus.CREATED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * The order's payment succeeded. A payment that raced a cancellation still wins: its
	 * money moved, so the order is paid (and can be refunded), never cancelled with the
	 * money gone.
	 * @return whether anything changed (a repeated event changes nothing)
	 */
	public boolean markPaid(PaymentId payment, Instant now) {
		if (payment.equals(paymentId)) {
			return false;
		}
		if (status != OrderStatus.CREATED && status != OrderStatus.CANCELLED) {
			throw new IllegalStateException(
					"order " + id + " is " + status + "; it cannot be paid by payment " + payment);
		}
		this.paymentId = payment;
		this.status = OrderStatus.PAID;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Refunds of the order's payment now total {@code refundedTotal}: partly or fully
	 * refunded. Totals only grow, so an older event arriving late changes nothing.
	 */
	public boolean recordRefunds(long refundedTotal, Instant now) {
		if (status != OrderStatus.PAID && status != OrderStatus.PARTIALLY_REFUNDED && status != OrderStatus.REFUNDED) {
			throw new IllegalStateException("order " + id + " is " + status + "; only a paid order is refunded");
		}
		if (refundedTotal <= refundedAmount) {
			return false;
		}
		if (refundedTotal > amount().amount()) {
			throw new IllegalStateException(
					"refunds of " + refundedTotal + " exceed order " + id + " of " + amount().amount());
		}
		this.refundedAmount = refundedTotal;
		this.status = refundedTotal == amount().amount() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
		this.updatedAt = now;
		return true;
	}

	/** Cancels an order nobody paid yet. */
	public void cancel(Instant now) {
		if (status != OrderStatus.CREATED) {
			throw new IllegalStateException(
					"order " + id + " is " + status + "; only a created order can be cancelled");
		}
		this.status = OrderStatus.CANCELLED;
		this.updatedAt = now;
	}

	public OrderId id() {
		return id;
	}

	public UserId user() {
		return userId;
	}

	public MerchantId merchantId() {
		return merchantId;
	}

	public Money amount() {
		return amount.toMoney();
	}

	public String description() {
		return description;
	}

	public OrderStatus status() {
		return status;
	}

	public @Nullable PaymentId paymentId() {
		return paymentId;
	}

	public long refundedAmount() {
		return refundedAmount;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
