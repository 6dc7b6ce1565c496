package io.zonepay.account.ledger;

import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.id.IdGenerator;
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

	private final PostingWriters writers;

	private final IdGenerator ids;

	Postings(Ledger ledger, PostingWriters writers, IdGenerator ids) {
		this.ledger = ledger;
		this.writers = writers;
		this.ids = ids;
	}

	/**
	 * Posts through the shard group's writer, together with the postings that come at the
	 * same time, and answers this one's own outcome. Not transactional: the caller waits
	 * without holding a connection, and the writer's transaction is the posting's.
	 */
	Ledger.Posted post(PostingRequest request) {
		Posting posting = request.toPosting(ids.next(request.shardOfPosting(), PostingId::new));
		return switch (writers.post(posting)) {
			case Ledger.Posted posted -> posted;
			case Ledger.Refused refused -> throw refused.problem();
		};
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
