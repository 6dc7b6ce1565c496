package io.zonepay.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The audit that decides a drill: the books of every shard group, read straight from the
 * databases, against what the drill's clients were told. (a) nothing acknowledged is
 * lost, (b) nothing happened twice and every balance is what the drill's own records make
 * it, (c) money is conserved, (d) no account that must not go negative did, and (e) the
 * drill knows how every operation ended, without which (b) could not be checked for its
 * users.
 */
final class DrillAudit {

	private final ShardGroupBooks books;

	DrillAudit(ShardGroupBooks books) {
		this.books = books;
	}

	List<Check> run(Population population, List<Operation> operations, String keyPrefix, int lostTrack) {
		List<Operation> payments = acknowledged(operations, Operation.Kind.PAYMENT);
		List<Operation> transfers = acknowledged(operations, Operation.Kind.TRANSFER);
		return List.of(nothingLost(payments, transfers), nothingTwice(population, operations, transfers, keyPrefix),
				moneyConserved(operations), noNegativeBalance(), everythingDecided(operations, lostTrack));
	}

	private Check nothingLost(List<Operation> payments, List<Operation> transfers) {
		List<String> wrong = new ArrayList<>();
		Map<String, List<String>> stored = grouped(books.payments(ids(payments)));
		for (Operation payment : payments) {
			boolean succeeded = stored.getOrDefault(payment.id(), List.of()).contains("SUCCEEDED");
			if (succeeded != "SUCCEEDED".equals(payment.status())) {
				wrong.add("payment " + payment.id() + " acknowledged " + payment.status() + ", stored "
						+ stored.getOrDefault(payment.id(), List.of("nowhere")));
			}
		}
		Map<String, List<String>> storedTransfers = grouped(books.transfers(ids(transfers)));
		for (Operation transfer : transfers) {
			List<String> found = storedTransfers.getOrDefault(transfer.id(), List.of());
			// DEBITED is shown to clients as PENDING.
			if (found.size() != 1 || !found.getFirst().replace("DEBITED", "PENDING").equals(transfer.status())) {
				wrong.add("transfer " + transfer.id() + " acknowledged " + transfer.status() + ", stored "
						+ (found.isEmpty() ? "nowhere" : found));
			}
		}
		long succeeded = payments.stream().filter(Operation::movedMoney).count();
		return Check.of("(a) no acknowledged operation lost", wrong,
				("each of the %d acknowledged payments (%d SUCCEEDED, %d FAILED) and %d acknowledged"
						+ " transfers %s looked up in the payment databases, with the status its client was told")
					.formatted(payments.size(), succeeded, payments.size() - succeeded, transfers.size(),
							statuses(transfers)));
	}

	private Check nothingTwice(Population population, List<Operation> operations, List<Operation> transfers,
			String keyPrefix) {
		List<String> wrong = new ArrayList<>();
		List<String> orderIds = operations.stream().map(Operation::orderId).filter(Objects::nonNull).toList();
		twice(books.succeededPaymentsOf(orderIds), row -> row[0])
			.forEach(order -> wrong.add("order " + order + " has two SUCCEEDED payments"));
		books.ordersPaidTwice().forEach(row -> wrong.add("order " + row[0] + " has two SUCCEEDED payments"));
		twice(books.requestKeys(keyPrefix), row -> row[0].substring(row[0].lastIndexOf(':') + 1))
			.forEach(key -> wrong.add("Idempotency-Key " + key + " made two payments or transfers"));
		List<String[]> postings = books.transferPostings();
		twice(postings, row -> row[0]).forEach(reference -> wrong.add("posting " + reference + " was made twice"));
		twice(postings, row -> credited(row[0]))
			.forEach(transfer -> wrong.add("transfer " + transfer + " was credited twice"));
		ExpectedBalances expected = ExpectedBalances.of(population.deposits(), operations);
		Map<String, Long> actual = new HashMap<>();
		books.userBalances(population.deposits().keySet(), DrillOperations.CURRENCY)
			.forEach(row -> actual.merge(row[0], Long.parseLong(row[1]), Long::sum));
		expected.balances().forEach((user, balance) -> {
			long stored = actual.getOrDefault(user, 0L);
			if (stored != balance) {
				wrong.add("user " + user + " holds " + stored + ", the drill's records make it " + balance);
			}
		});
		long paid = operations.stream()
			.filter(operation -> operation.kind() == Operation.Kind.PAYMENT && operation.movedMoney())
			.mapToLong(Operation::amount)
			.sum();
		long merchant = books.merchantBalance(population.merchantId(), DrillOperations.CURRENCY);
		if (expected.undetermined().isEmpty() && merchant != paid) {
			wrong.add("the merchant holds " + merchant + ", the SUCCEEDED payments add up to " + paid);
		}
		return Check.of("(b) nothing done twice", wrong,
				("orders with two SUCCEEDED payments, Idempotency-Keys that made two payments or transfers, transfer"
						+ " postings made or credited twice; %d of %d users' balances"
						+ " against deposit - SUCCEEDED payments - COMPLETED transfers out + COMPLETED"
						+ " transfers in, from the drill's own records;"
						+ " the merchant's receivable (%s) against the SUCCEEDED payments (%s)")
					.formatted(expected.balances().size(), population.users().size(), merchant, paid));
	}

	private Check moneyConserved(List<Operation> operations) {
		Map<String, Long> sums = books.sumsByCurrency();
		Map<String, Long> transit = books.transitByCurrency();
		List<String> wrong = new ArrayList<>();
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				wrong.add("every account in " + currency + " sums to " + sum);
			}
		});
		// Once every transfer is decided, nothing is on its way between zones.
		if (operations.stream().noneMatch(Operation::undecided)) {
			transit.forEach((currency, sum) -> {
				if (sum != 0) {
					wrong.add(sum + " " + currency + " still in transit between zones");
				}
			});
		}
		return Check.of("(c) money conserved", wrong,
				"the balances of every account (FUNDING, TRANSIT, MERCHANT, USER) of all " + books.shardGroups()
						+ " shard groups sum to " + sums
						+ " per currency; transit accounts (money on its way between zones) " + transit);
	}

	private Check noNegativeBalance() {
		List<String> wrong = books.negativeBalances().stream().map(row -> "negative: " + row[0]).toList();
		return Check.of("(d) no negative balance", wrong,
				"accounts below zero other than FUNDING, TRANSIT and CLEARING, in every shard group");
	}

	private static Check everythingDecided(List<Operation> operations, int lostTrack) {
		List<String> wrong = new ArrayList<>();
		operations.stream()
			.filter(Operation::undecided)
			.forEach(operation -> wrong.add(operation.kind().name().toLowerCase() + " " + operation.key() + " still "
					+ (operation.acknowledged() ? "PENDING" : "unknown") + "; balances of its users not checked"));
		if (lostTrack > 0) {
			wrong.add(lostTrack + " operations outlived every bound of the load and were not recorded");
		}
		return Check.of("(e) every outcome known", wrong,
				"operations whose outcome is still unknown, acknowledged transfers neither COMPLETED nor FAILED");
	}

	/**
	 * The transfer a crediting posting pays: {@code transfer:<id>} in one shard group,
	 * {@code transfer:<id>:credit} across.
	 */
	static @Nullable String credited(String reference) {
		String[] parts = reference.split(":");
		return parts.length == 2 || (parts.length == 3 && parts[2].equals("credit")) ? parts[1] : null;
	}

	private static List<Operation> acknowledged(List<Operation> operations, Operation.Kind kind) {
		return operations.stream().filter(operation -> operation.kind() == kind && operation.acknowledged()).toList();
	}

	private static List<String> ids(List<Operation> operations) {
		return operations.stream().map(Operation::id).filter(Objects::nonNull).toList();
	}

	private static Map<String, List<String>> grouped(List<String[]> rows) {
		return rows.stream()
			.collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toList())));
	}

	private static String statuses(List<Operation> transfers) {
		return transfers.stream()
			.collect(Collectors.groupingBy(transfer -> String.valueOf(transfer.status()), TreeMap::new,
					Collectors.counting()))
			.toString();
	}

	/** The keys that come up more than once. */
	private static List<String> twice(List<String[]> rows, Function<String[], @Nullable String> key) {
		Map<String, Long> counts = new HashMap<>();
		rows.forEach(row -> {
			String value = key.apply(row);
			if (value != null) {
				counts.merge(value, 1L, Long::sum);
			}
		});
		return counts.entrySet()
			.stream()
			.filter(count -> count.getValue() > 1)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * One line of the audit: passed when nothing is wrong; what is wrong, else what was
	 * checked.
	 */
	record Check(String name, boolean passed, String detail, List<String> wrong) {

		static Check of(String name, List<String> wrong, String checked) {
			return new Check(name, wrong.isEmpty(), checked, List.copyOf(wrong));
		}
	}

}
