package io.zonepay.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each drill user's balance must be, from the drill's own records alone: its
 * deposit, less the payments it was told SUCCEEDED and the transfers it sent that
 * COMPLETED, plus the transfers it received that COMPLETED. A FAILED payment or transfer
 * and a refused request move nothing. A user touched by an operation whose outcome is
 * still undecided has no expected balance: it is listed apart rather than guessed.
 */
record ExpectedBalances(Map<String, Long> balances, Set<String> undetermined) {

	static ExpectedBalances of(Map<String, Long> deposits, List<Operation> operations) {
		Map<String, Long> balances = new LinkedHashMap<>(deposits);
		Set<String> undetermined = new TreeSet<>();
		for (Operation operation : operations) {
			String payer = operation.payer().id();
			String payee = operation.payee() == null ? null : operation.payee().id();
			if (operation.undecided()) {
				undetermined.add(payer);
				if (payee != null) {
					undetermined.add(payee);
				}
			}
			else if (operation.movedMoney()) {
				balances.merge(payer, -operation.amount(), Long::sum);
				if (payee != null) {
					balances.merge(payee, operation.amount(), Long::sum);
				}
			}
		}
		undetermined.forEach(balances::remove);
		return new ExpectedBalances(balances, undetermined);
	}
}
