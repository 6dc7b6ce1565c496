package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /internal/postings}: the ledger for the zone's other services. Posting a
 * reference again answers the first posting (200 instead of 201); {@code GET} tells a
 * caller that timed out what became of its reference; {@code void} settles a reference
 * that was never posted as never to be posted.
 */
@RestController
@RequestMapping("/internal/postings")
class PostingController {

	private final Postings postings;

	PostingController(Postings postings) {
		this.postings = postings;
	}

	@PostMapping
	ResponseEntity<PostingView> post(@Valid @RequestBody PostingRequest request, Caller caller) {
		requireSystem(caller);
		Ledger.Posted posted = postings.post(request);
		return ResponseEntity.status(posted.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(PostingView.of(posted.posting()));
	}

	@GetMapping("/{reference}")
	PostingView find(@PathVariable String reference, Caller caller) {
		requireSystem(caller);
		return PostingView.of(postings.find(reference));
	}

	@PostMapping("/{reference}/void")
	PostingView voidReference(@PathVariable String reference, @Valid @RequestBody VoidRequest request, Caller caller) {
		requireSystem(caller);
		return PostingView.of(postings.voidReference(reference, Shard.of(request.shard())));
	}

	private static void requireSystem(Caller caller) {
		if (!caller.has(Role.SYSTEM)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "postings are for ZonePay's own services");
		}
	}

	record VoidRequest(@NotNull @Min(0) @Max(99) Integer shard) {
	}

	/** A settled reference. */
	record PostingView(PostingId postingId, String reference, PostingKind kind, String state, Instant createdAt,
			List<EntryView> entries) {

		static PostingView of(PostingRecord posting) {
			return new PostingView(posting.id(), posting.reference(), posting.kind(),
					posting.voided() ? "VOIDED" : "POSTED", posting.createdAt(),
					posting.entries().stream().map(EntryView::of).toList());
		}
	}

	/** One leg as posted, with the balance it left. */
	record EntryView(AccountKind account, String owner, String currency, long amount, long balanceAfter) {

		static EntryView of(PostedEntry entry) {
			return new EntryView(entry.account().kind(), Long.toString(entry.account().owner()),
					entry.account().currency().code(), entry.amount(), entry.balanceAfter());
		}
	}

}
