package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.ledger.PostingRequest.LegRequest;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Other services' postings go to the shard group's writer with an id of the posting's
 * shard, and each caller gets its own posting's outcome.
 */
class PostingsTests {

	private final PostingWriters writers = mock(PostingWriters.class);

	private final Postings postings = new Postings(mock(Ledger.class), writers, new IdGenerator(7));

	@Test
	void aPostingIsAnsweredWithWhatTheWriterPostedForIt() {
		given(writers.post(any())).willAnswer(call -> {
			Posting posting = call.getArgument(0);
			return new Ledger.Posted(
					new PostingRecord(posting.id(), posting.reference(), posting.kind(), Instant.EPOCH, List.of()),
					true);
		});

		Ledger.Posted posted = postings.post(payment());

		ArgumentCaptor<Posting> sent = ArgumentCaptor.forClass(Posting.class);
		verify(writers).post(sent.capture());
		assertThat(sent.getValue().id().value() % 100).isEqualTo(37);
		assertThat(posted.posting().id()).isEqualTo(sent.getValue().id());
	}

	@Test
	void aPostingRefusedInItsBatchIsAnsweredWithItsOwnProblem() {
		ProblemException refusal = new ProblemException(AccountProblem.INSUFFICIENT_FUNDS, "holds less");
		given(writers.post(any())).willReturn(new Ledger.Refused(refusal));

		assertThatThrownBy(() -> postings.post(payment())).isSameAs(refusal);
	}

	private static PostingRequest payment() {
		return new PostingRequest("payment:1237", PostingKind.PAYMENT, 37,
				List.of(new LegRequest(AccountKind.USER, "9937", "CNY", -3_000L),
						new LegRequest(AccountKind.MERCHANT, "9001", "CNY", 3_000L)));
	}

}
