package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.service.ids.PathIds;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/users/{userId}/ledger?limit=50}: a user's own entries, newest first. */
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
	LedgerView ledger(@PathVariable String userId, @RequestParam(defaultValue = "50") int limit, Caller caller) {
		UserId user = PathIds.user(userId);
		if (!caller.mayActFor(user) || !users.exists(user)) {
			throw AccountProblem.userNotFound(user);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "limit is 1.." + MAX_LIMIT);
		}
		return new LedgerView(ledger.linesOf(user, limit).stream().map(EntryView::of).toList());
	}

	record LedgerView(List<EntryView> entries) {
	}

	record EntryView(String entryId, String kind, long amount, String currency, long balanceAfter, String reference, Instant createdAt) {

		static EntryView of(Ledger.LedgerLine line) {
			return new EntryView(Long.toString(line.entryId()), line.kind().name(), line.amount(), line.currency(), line.balanceAfter(), line.reference(),
					line.createdAt());
		}
	}
}
