package io.zonepay.payment.transfer;

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
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.persistence.MoneyColumns;
import io.zonepay.service.persistence.TypedIdType;

import org.jspecify.annotations.Nullable;

/**
 * Money from one user to another, kept in the payer's shard. Same group: PENDING until
 * its one posting exists, then COMPLETED. Across groups: PENDING until the payer is
 * debited into transit, DEBITED while the payee's zone credits the payee, then COMPLETED,
 * or FAILED once the money is back with the payer. A decided transfer never changes its
 * mind.
 */
@Entity
@Table(name = "transfers")
class Transfer {

	@Id
	@Type(TypedIdType.class)
	private TransferId id;

	@Column(name = "from_user_id", nullable = false)
	@Type(TypedIdType.class)
	private UserId fromUserId;

	@Column(name = "to_user_id", nullable = false)
	@Type(TypedIdType.class)
	private UserId toUserId;

	@Embedded
	private MoneyColumns amount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 12)
	private TransferRoute route;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 12)
	private TransferStatus status;

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

	protected Transfer() {
		// for JPA
		this.route = TransferRoute.SAME_GROUP;
		this.status = TransferStatus.PENDING;
		this.requestKey = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Transfer(TransferId id, UserId from, UserId to, Money amount, TransferRoute route, String requestKey,
			TransferStatus status, @Nullable TransferFailure failure, Instant now) {
		if (!id.shard().equals(from.shard())) {
			throw new IllegalArgumentException("transfer " + id + " must live in its payer's shard " + from.shard());
		}
		if (from.equals(to)) {
			throw new IllegalArgumentException("a transfer goes to another user than " + from);
		}
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("a transfer moves a positive amount, not " + amount);
		}
		this.id = id;
		this.fromUserId = from;
		this.toUserId = to;
		this.amount = MoneyColumns.of(amount);
		this.route = route;
		this.status = status;
		this.failureCode = failure == null ? null : failure.name();
		this.requestKey = requestKey;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Transfer pending(TransferId id, UserId from, UserId to, Money amount, TransferRoute route, String requestKey,
			Instant now) {
		return new Transfer(id, from, to, amount, route, requestKey, TransferStatus.PENDING, null, now);
	}

	/**
	 * A transfer refused before any money could move: no such payee, or cross-zone
	 * transfers are off.
	 */
	static Transfer refused(TransferId id, UserId from, UserId to, Money amount, TransferRoute route, String requestKey,
			TransferFailure failure, Instant now) {
		return new Transfer(id, from, to, amount, route, requestKey, TransferStatus.FAILED, failure, now);
	}

	/**
	 * The payer's money is in transit to the payee's zone. Answers whether this changed
	 * anything (it was PENDING).
	 */
	boolean markDebited(Instant now) {
		requireRoute(TransferRoute.CROSS_GROUP, "be debited into transit");
		if (status == TransferStatus.DEBITED || status == TransferStatus.COMPLETED) {
			return false;
		}
		require(TransferStatus.PENDING, "be debited");
		return moveTo(TransferStatus.DEBITED, now);
	}

	/**
	 * A live split put its payer and payee in different shard groups before its posting
	 * was made (its same-group reference voided first): it goes on across groups, through
	 * transit. Answers whether this changed anything.
	 */
	boolean reroute(Instant now) {
		if (route == TransferRoute.CROSS_GROUP) {
			return false;
		}
		require(TransferStatus.PENDING, "go across shard groups");
		route = TransferRoute.CROSS_GROUP;
		updatedAt = now;
		return true;
	}

	/**
	 * Its request goes to the payee's zone again (no answer came): the clock of the next
	 * resend starts now. Answers whether it is still in transit, so that there is
	 * something to resend.
	 */
	boolean resend(Instant now) {
		if (status != TransferStatus.DEBITED) {
			return false;
		}
		updatedAt = now;
		return true;
	}

	/**
	 * The payee has the money: its posting exists (same group) or the payee's zone
	 * credited it (across groups).
	 */
	boolean complete(Instant now) {
		if (status == TransferStatus.COMPLETED) {
			return false;
		}
		require(route == TransferRoute.SAME_GROUP ? TransferStatus.PENDING : TransferStatus.DEBITED, "complete");
		return moveTo(TransferStatus.COMPLETED, now);
	}

	/**
	 * Its money never will move: the ledger voided its posting's reference. Answers
	 * whether this changed anything.
	 */
	boolean fail(TransferFailure failure, Instant now) {
		return failFrom(TransferStatus.PENDING, failure, now, "fail");
	}

	/**
	 * The payee's zone refused it and the debit went back to the payer. Answers whether
	 * this changed anything.
	 */
	boolean failReturned(TransferFailure failure, Instant now) {
		return failFrom(TransferStatus.DEBITED, failure, now, "fail with its money returned");
	}

	private boolean failFrom(TransferStatus expected, TransferFailure failure, Instant now, String action) {
		if (status == TransferStatus.FAILED) {
			return false;
		}
		require(expected, action);
		failureCode = failure.name();
		return moveTo(TransferStatus.FAILED, now);
	}

	private boolean moveTo(TransferStatus next, Instant now) {
		status = next;
		updatedAt = now;
		return true;
	}

	private void require(TransferStatus expected, String action) {
		if (status != expected) {
			throw new IllegalStateException("transfer " + id + " is " + status + "; it cannot " + action + " now");
		}
	}

	private void requireRoute(TransferRoute expected, String action) {
		if (route != expected) {
			throw new IllegalStateException("transfer " + id + " stays in one shard group; it cannot " + action);
		}
	}

	TransferId id() {
		return id;
	}

	/** The payer's shard, where the transfer lives. */
	Shard shard() {
		return id.shard();
	}

	UserId from() {
		return fromUserId;
	}

	UserId to() {
		return toUserId;
	}

	Money amount() {
		return amount.toMoney();
	}

	TransferRoute route() {
		return route;
	}

	TransferStatus status() {
		return status;
	}

	@Nullable String failureCode() {
		return failureCode;
	}

	Instant createdAt() {
		return createdAt;
	}

}
