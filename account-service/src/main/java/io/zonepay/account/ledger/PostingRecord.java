package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A reference as the ledger settled it: posted (with its entries and the balances they
 * left) or voided (never to be posted).
 */
record PostingRecord(PostingId id, String reference, PostingKind kind, Instant createdAt, List<PostedEntry> entries) {

	boolean voided() {
		return kind == PostingKind.VOID;
	}

	/**
	 * Whether this posting moves exactly the money the request describes, so answering it
	 * for the request is honest.
	 */
	boolean matches(Posting request) {
		if (voided() || entries.size() != request.legs().size()) {
			return false;
		}
		return request.legs()
			.stream()
			.allMatch(leg -> entries.stream()
				.anyMatch(entry -> entry.account().sameAccount(leg.account()) && entry.amount() == leg.amount()));
	}
}
