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

	/** One account's side: positive credits it, negative debits it. */
	record LegRequest(@NotNull @Pattern(regexp = "USER|MERCHANT|TRANSIT") String account, @NotNull String owner,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull Long amount) {

		Posting.Leg toLeg(Shard shard) {
			long ownerId = BusinessId.parse(owner).orElseThrow(() -> new IllegalArgumentException("owner '" + owner + "' is not an id"));
			if (!CurrencyCode.isValid(currency)) {
				throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency code");
			}
			return new Posting.Leg(new AccountKey(AccountKind.valueOf(account), ownerId, CurrencyCode.of(currency), shard), amount);
		}
	}
}
