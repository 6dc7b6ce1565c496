package io.zonepay.account.ledger;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postings on behalf of other services of the zone, keyed by the caller's reference: the
 * same reference twice moves money once and answers the same posting; a reference can be
 * looked up by a caller that lost track of it, and voided so that it can never be posted
 * afterwards.
 */
@Service
class Postings {

	private final Ledger ledger;

	private final UserDirectory users;

	private final IdGenerator ids;

	Postings(Ledger ledger, UserDirectory users, IdGenerator ids) {
		this.ledger = ledger;
		this.users = users;
		this.ids = ids;
	}

	@Transactional
	Ledger.Posted post(PostingRequest request) {
		Posting posting = request.toPosting(ids.next(request.shardOfPosting(), PostingId::new));
		for (Posting.Leg leg : posting.legs()) {
			if (leg.account().kind() == AccountKind.USER && !users.exists(new UserId(leg.account().owner()))) {
				throw AccountProblem.userNotFound(new UserId(leg.account().owner()));
			}
		}
		Ledger.Posted posted = ledger.post(posting);
		if (!posted.created()) {
			if (posted.posting().voided()) {
				throw new ProblemException(AccountProblem.POSTING_VOIDED,
						"reference " + posting.reference() + " was voided");
			}
			if (!posted.posting().matches(posting)) {
				throw new ProblemException(AccountProblem.POSTING_MISMATCH,
						"reference " + posting.reference() + " was posted with other legs");
			}
		}
		return posted;
	}

	@Transactional(readOnly = true)
	PostingRecord find(String reference) {
		return ledger.find(reference)
			.orElseThrow(() -> new ProblemException(AccountProblem.POSTING_NOT_FOUND,
					"no posting has reference " + reference));
	}

	@Transactional
	PostingRecord voidReference(String reference, Shard shard) {
		return ledger.voidReference(reference, ids.next(shard, PostingId::new), shard);
	}

}
