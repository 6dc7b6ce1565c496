package io.zonepay.account.ledger;

import java.util.List;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tops users up from the outside world. */
@Service
class Deposits {

	private final Ledger ledger;

	private final UserDirectory users;

	private final IdGenerator ids;

	private final DepositProperties properties;

	Deposits(Ledger ledger, UserDirectory users, IdGenerator ids, DepositProperties properties) {
		this.ledger = ledger;
		this.users = users;
		this.ids = ids;
		this.properties = properties;
	}

	@Transactional
	Deposit deposit(UserId user, Money amount) {
		if (amount.amount() > properties.maxAmount()) {
			throw new ProblemException(AccountProblem.AMOUNT_OUT_OF_RANGE,
					"a deposit is at most " + properties.maxAmount() + " minor units");
		}
		if (!users.exists(user)) {
			throw AccountProblem.userNotFound(user);
		}
		PostingId depositId = ids.next(user.shard(), PostingId::new);
		AccountKey account = AccountKey.user(user, amount.currency());
		List<PostedEntry> entries = ledger.post(Posting.deposit(depositId, account, amount)).posting().entries();
		long balance = entries.stream()
			.filter(entry -> entry.account().equals(account))
			.findFirst()
			.orElseThrow()
			.balanceAfter();
		return new Deposit(depositId, user, amount, balance);
	}

	@Transactional(readOnly = true)
	List<Money> balances(UserId user) {
		if (!users.exists(user)) {
			throw AccountProblem.userNotFound(user);
		}
		return ledger.balancesOf(user);
	}

	/** A completed top-up and the balance it left. */
	record Deposit(PostingId id, UserId user, Money amount, long balance) {
	}

}
