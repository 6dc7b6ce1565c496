package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users/{userId}/ledger?limit=50}: a user's own entries, newest first.
 */
@RestController
class LedgerController {

	private static final int MAX_LIMIT = 200;

	private final Ledger ledger;

	private final UserDirectory users;

	LedgerController(Ledger ledger, UserDirectory users) {
		this.ledger = ledger;
		this.users = users;
	}

	@GetMapping("/api/users/{userId}/ledger")
	LedgerView ledger(@PathVariable UserId userId, @RequestParam(defaultValue = "50") int limit, Caller caller) {
		if (!caller.mayActFor(userId) || !users.exists(userId)) {
			throw AccountProblem.userNotFound(userId);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "limit is 1.." + MAX_LIMIT);
		}
		return new LedgerView(ledger.linesOf(userId, limit).stream().map(EntryView::of).toList());
	}

	record LedgerView(List<EntryView> entries) {
	}

	record EntryView(EntryId entryId, PostingKind kind, long amount, String currency, long balanceAfter,
			String reference, Instant createdAt) {

		static EntryView of(Ledger.LedgerLine line) {
			return new EntryView(line.entryId(), line.kind(), line.amount(), line.currency(), line.balanceAfter(),
					line.reference(), line.createdAt());
		}
	}

}
