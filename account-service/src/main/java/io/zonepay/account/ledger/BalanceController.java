package io.zonepay.account.ledger;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.service.idempotency.IdempotentRequests;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users/{userId}/deposits} and {@code /balances}: a user's own money only.
 */
@RestController
@RequestMapping("/api/users/{userId}")
class BalanceController {

	private final Deposits deposits;

	private final IdempotentRequests idempotency;

	private final GlobalData global;

	BalanceController(Deposits deposits, IdempotentRequests idempotency, GlobalData global) {
		this.deposits = deposits;
		this.idempotency = idempotency;
		this.global = global;
	}

	@PostMapping("/deposits")
	ResponseEntity<String> deposit(@PathVariable UserId userId,
			@RequestHeader(name = ZonePayHeaders.IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody DepositRequest request, Caller caller) {
		UserId user = owned(userId, caller);
		Money amount = new Money(request.amount(), global.acceptedCurrency(request.currency()));
		return idempotency.execute(caller, key, "POST /api/users/" + user + "/deposits", request, () -> {
			Deposits.Deposit deposit = deposits.deposit(user, amount);
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(new DepositView(deposit.id(), user, amount.amount(), amount.currency().code(),
						deposit.balance()));
		});
	}

	@GetMapping("/balances")
	BalancesView balances(@PathVariable UserId userId, Caller caller) {
		UserId user = owned(userId, caller);
		List<BalanceView> balances = deposits.balances(user)
			.stream()
			.map(money -> new BalanceView(money.currency().code(), money.amount()))
			.toList();
		return new BalancesView(user, balances);
	}

	/** Another user's money answers exactly like a user that does not exist. */
	private static UserId owned(UserId user, Caller caller) {
		if (!caller.mayActFor(user)) {
			throw AccountProblem.userNotFound(user);
		}
		return user;
	}

	record DepositRequest(@NotNull @Positive Long amount,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency) {
	}

	record DepositView(PostingId depositId, UserId userId, long amount, String currency, long balance) {
	}

	record BalanceView(String currency, long available) {
	}

	record BalancesView(UserId userId, List<BalanceView> balances) {
	}

}
