package io.zonepay.account.ledger;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;

/**
 * A posting another service of the zone asks for: its reference (the caller's id for it), why money moves, the shard it
 * belongs to, and its legs. Only payments, refunds and transfers come this way; deposits have their own API.
 */
record PostingRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9:_-]{1,128}") String reference,
		@NotNull @Pattern(regexp = "PAYMENT|REFUND|TRANSFER") String kind, @NotNull @Min(0) @Max(99) Integer shard,
		@NotNull @Size(min = 2, max = 10) List<@Valid LegRequest> legs) {

	Posting toPosting(long id) {
		try {
			List<Posting.Leg> resolved = legs.stream().map(leg -> leg.toLeg(Shard.of(shard))).toList();
			return new Posting(id, reference, PostingKind.valueOf(kind), Shard.of(shard), resolved);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, ex.getMessage());
		}
	}

	Shard shardOfPosting() {
		return Shard.of(shard);
	}

	/**
	 * One account's side: positive credits it, negative debits it. A user's account lives in the user's shard; a
	 * merchant's receivable is opened in the shard of the posting that first reaches it; a transit account belongs to
	 * the posting's shard, named by its number as owner.
	 */
	record LegRequest(@NotNull @Pattern(regexp = "USER|MERCHANT|TRANSIT") String account, @NotNull String owner,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull Long amount) {

		Posting.Leg toLeg(Shard shard) {
			if (!CurrencyCode.isValid(currency)) {
				throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency code");
			}
			AccountKind kind = AccountKind.valueOf(account);
			return new Posting.Leg(kind == AccountKind.TRANSIT ? transit(shard) : owned(kind, shard), amount);
		}

		private AccountKey owned(AccountKind kind, Shard shard) {
			long ownerId = BusinessId.parse(owner).orElseThrow(() -> new IllegalArgumentException("owner '" + owner + "' is not an id"));
			return new AccountKey(kind, ownerId, CurrencyCode.of(currency), kind == AccountKind.USER ? Shard.ofId(ownerId) : shard);
		}

		/** Only the posting's own shard's transit account, so that a zone never books another shard's position. */
		private AccountKey transit(Shard shard) {
			if (!owner.equals(Integer.toString(shard.value()))) {
				throw new IllegalArgumentException("a transit leg of a posting of shard " + shard.value() + " is that shard's, not '" + owner + "'");
			}
			return AccountKey.transit(shard, CurrencyCode.of(currency));
		}
	}
}
