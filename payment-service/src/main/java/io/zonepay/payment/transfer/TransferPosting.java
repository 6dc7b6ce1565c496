package io.zonepay.payment.transfer;

import java.util.List;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.payment.zone.LedgerClient.Leg;

/**
 * One posting a transfer makes at a zone's ledger: its reference (which makes it
 * idempotent there), the shard it is booked for, and two legs that sum to zero. Transit
 * legs are the booking shard's own transit account.
 */
record TransferPosting(String reference, Shard shard, List<Leg> legs) {

	TransferPosting {
		legs = List.copyOf(legs);
		if (legs.stream().mapToLong(Leg::amount).sum() != 0) {
			throw new IllegalArgumentException("posting " + reference + " does not sum to zero");
		}
	}

	/**
	 * The payer's posting: straight to the payee in one shard group, else into the payer
	 * shard's transit account.
	 */
	static TransferPosting of(Transfer transfer) {
		String reference = "transfer:" + transfer.id();
		return transfer.route() == TransferRoute.SAME_GROUP
				? between(reference, transfer.shard(), Leg.user(transfer.from(), transfer.amount().negate()),
						Leg.user(transfer.to(), transfer.amount()))
				: between(reference + ":debit", transfer.shard(), Leg.user(transfer.from(), transfer.amount().negate()),
						Leg.transit(transfer.shard(), transfer.amount()));
	}

	/**
	 * Back from the payer shard's transit account to the payer, after the payee's zone
	 * refused the transfer.
	 */
	static TransferPosting returned(Transfer transfer) {
		return between("transfer:" + transfer.id() + ":return", transfer.shard(),
				Leg.transit(transfer.shard(), transfer.amount().negate()),
				Leg.user(transfer.from(), transfer.amount()));
	}

	/**
	 * In the payee's zone: from the payee shard's transit account (which may go negative)
	 * to the payee.
	 */
	static TransferPosting credit(TransferId transferId, UserId payee, Money amount) {
		return between("transfer:" + transferId + ":credit", payee.shard(), Leg.transit(payee.shard(), amount.negate()),
				Leg.user(payee, amount));
	}

	private static TransferPosting between(String reference, Shard shard, Leg from, Leg to) {
		return new TransferPosting(reference, shard, List.of(from, to));
	}
}
