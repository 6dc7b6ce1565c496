package io.zonepay.account.ledger;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;

/**
 * A posting another service of the zone asks for: its reference (the caller's id for it),
 * why money moves, the shard it belongs to, and its legs. Only payments, refunds and
 * transfers come this way; deposits have their own API.
 */
record PostingRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9:_-]{1,128}") String reference, @NotNull PostingKind kind,
		@NotNull @Min(0) @Max(99) Integer shard, @NotNull @Size(min = 2, max = 10) List<@Valid LegRequest> legs) {

	/**
	 * What other services post; deposits come through their own API, and a void is no
	 * posting.
	 */
	private static final Set<PostingKind> REQUESTED = EnumSet.of(PostingKind.PAYMENT, PostingKind.REFUND,
			PostingKind.TRANSFER);

	Posting toPosting(PostingId id) {
		try {
			if (!REQUESTED.contains(kind)) {
				throw new IllegalArgumentException("postings of kind " + kind + " are not made through this API");
			}
			List<Posting.Leg> resolved = legs.stream().map(leg -> leg.toLeg(Shard.of(shard))).toList();
			return new Posting(id, reference, kind, Shard.of(shard), resolved);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, ex.getMessage());
		}
	}

	Shard shardOfPosting() {
		return Shard.of(shard);
	}

	/**
	 * One account's side: positive credits it, negative debits it. A user's account lives
	 * in the user's shard; a merchant's receivable is opened in the shard of the posting
	 * that first reaches it; a transit account belongs to the posting's shard, named by
	 * its number as owner.
	 */
	record LegRequest(@NotNull AccountKind account, @NotNull String owner,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull Long amount) {

		Posting.Leg toLeg(Shard shard) {
			if (!CurrencyCode.isValid(currency)) {
				throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency code");
			}
			return new Posting.Leg(switch (account) {
				case USER -> AccountKey.user(new UserId(ownerNumber()), CurrencyCode.of(currency));
				case MERCHANT -> AccountKey.merchant(new MerchantId(ownerNumber()), CurrencyCode.of(currency), shard);
				case TRANSIT -> transit(shard);
				// The outside world's side of deposits only: no other service moves money
				// through it.
				case FUNDING ->
					throw new IllegalArgumentException("a funding account takes no postings of other services");
			}, amount);
		}

		private long ownerNumber() {
			return BusinessId.parse(owner)
				.orElseThrow(() -> new IllegalArgumentException("owner '" + owner + "' is not an id"));
		}

		/**
		 * Only the posting's own shard's transit account, so that a zone never books
		 * another shard's position.
		 */
		private AccountKey transit(Shard shard) {
			if (!owner.equals(Integer.toString(shard.value()))) {
				throw new IllegalArgumentException("a transit leg of a posting of shard " + shard.value()
						+ " is that shard's, not '" + owner + "'");
			}
			return AccountKey.transit(shard, CurrencyCode.of(currency));
		}
	}
}
