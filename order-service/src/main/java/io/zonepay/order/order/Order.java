package io.zonepay.order.order;

import java.time.Instant;
import java.util.Set;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;

import org.jspecify.annotations.Nullable;

/**
 * An order of a user at a merchant. Its state moves only through the methods below, each
 * of which checks the state it starts from:
 * {@code CREATED -> PAID -> PARTIALLY_REFUNDED / REFUNDED}, {@code CREATED -> CANCELLED}.
 */
public class Order {

	/**
	 * The statuses a payment moves an order from. A payment that raced a cancellation
	 * still wins: its money moved, so the order is paid (and can be refunded), never
	 * cancelled with the money gone. {@link Orders#markPaid} guards its update with them.
	 */
	static final Set<OrderStatus> PAYABLE = Set.of(OrderStatus.CREATED, OrderStatus.CANCELLED);

	private final OrderId id;

	private final UserId userId;

	private final MerchantId merchantId;

	private final Money amount;

	private final String description;

	private OrderStatus status;

	private @Nullable PaymentId paymentId;

	private long refundedAmount;

	private final Instant createdAt;

	private Instant updatedAt;

	/**
	 * The version it was read at (0 for a new one): {@link Orders#update} writes it back
	 * only over that version, so a change decided on an order that changed meanwhile is
	 * refused.
	 */
	private final long version;

	Order(OrderId id, UserId user, MerchantId merchant, Money amount, String description, Instant now) {
		this(id, user, merchant, amount, description, OrderStatus.CREATED, null, 0, now, now, 0);
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("an order is for a positive amount, not " + amount);
		}
	}

	/** An order as it was stored. */
	Order(OrderId id, UserId user, MerchantId merchant, Money amount, String description, OrderStatus status,
			@Nullable PaymentId paymentId, long refundedAmount, Instant createdAt, Instant updatedAt, long version) {
		this.id = id;
		this.userId = user;
		this.merchantId = merchant;
		this.amount = amount;
		this.description = description;
		this.status = status;
		this.paymentId = paymentId;
		this.refundedAmount = refundedAmount;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * The order's payment succeeded: from a {@link #PAYABLE} status, the order is paid.
	 * @return whether anything changed (a repeated event changes nothing)
	 */
	public boolean markPaid(PaymentId payment, Instant now) {
		if (payment.equals(paymentId)) {
			return false;
		}
		if (!PAYABLE.contains(status)) {
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
		return amount;
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

	Instant updatedAt() {
		return updatedAt;
	}

	long version() {
		return version;
	}

}
