package io.zonepay.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit of a whole set of books, real or shadow, without a drill's records of what
 * its clients were told: the rules of double entry and of the platform hold in every
 * shard group. (1) every posting sums to zero, (2) every balance is the sum of its
 * entries, (3) money is conserved across the shard groups and nothing is left in transit,
 * (4) no account that must not go negative did, (5) nothing happened twice (an order paid
 * twice, a transfer posted or credited twice), (6) every transfer is decided.
 */
final class BooksAudit {

	private final ShardGroupBooks books;

	BooksAudit(ShardGroupBooks books) {
		this.books = books;
	}

	List<DrillAudit.Check> run() {
		return List.of(postingsBalance(), balancesAreTheirEntries(), moneyConserved(), noNegativeBalance(),
				nothingTwice(), everyTransferDecided());
	}

	/** Whether every check passed. */
	static boolean passed(List<DrillAudit.Check> checks) {
		return checks.stream().allMatch(DrillAudit.Check::passed);
	}

	private DrillAudit.Check postingsBalance() {
		return DrillAudit.Check.of("(1) every posting sums to zero",
				books.postingsNotSummingToZero().stream().map(row -> "posting " + row[0]).toList(),
				"the entries of every posting, per currency, in " + books.shardGroups() + " shard groups");
	}

	private DrillAudit.Check balancesAreTheirEntries() {
		return DrillAudit.Check.of("(2) every balance is the sum of its entries",
				books.balancesNotTheirEntries().stream().map(row -> "account " + row[0]).toList(),
				"every account's balance against its entries");
	}

	private DrillAudit.Check moneyConserved() {
		Map<String, Long> sums = books.sumsByCurrency();
		Map<String, Long> transit = books.transitByCurrency();
		List<String> wrong = new ArrayList<>();
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				wrong.add("every account in " + currency + " sums to " + sum);
			}
		});
		transit.forEach((currency, sum) -> {
			if (sum != 0) {
				wrong.add(sum + " " + currency + " still in transit between zones");
			}
		});
		return DrillAudit.Check.of("(3) money conserved", wrong,
				"every account of every shard group sums to " + sums + " per currency; in transit " + transit);
	}

	private DrillAudit.Check noNegativeBalance() {
		return DrillAudit.Check.of("(4) no negative balance",
				books.negativeBalances().stream().map(row -> "negative: " + row[0]).toList(),
				"accounts below zero other than FUNDING, TRANSIT and CLEARING");
	}

	private DrillAudit.Check nothingTwice() {
		List<String> wrong = new ArrayList<>();
		books.ordersPaidTwice().forEach(row -> wrong.add("order " + row[0] + " has two SUCCEEDED payments"));
		Map<String, Integer> postings = new HashMap<>();
		Map<String, Integer> credits = new HashMap<>();
		for (String[] row : books.transferPostings()) {
			postings.merge(row[0], 1, Integer::sum);
			String credited = DrillAudit.credited(row[0]);
			if (credited != null) {
				credits.merge(credited, 1, Integer::sum);
			}
		}
		postings.forEach((reference, times) -> {
			if (times > 1) {
				wrong.add("posting " + reference + " was made " + times + " times");
			}
		});
		credits.forEach((transfer, times) -> {
			if (times > 1) {
				wrong.add("transfer " + transfer + " was credited " + times + " times");
			}
		});
		return DrillAudit.Check.of("(5) nothing done twice", wrong, "orders with two SUCCEEDED payments; "
				+ postings.size() + " transfer postings, made and credited once each");
	}

	private DrillAudit.Check everyTransferDecided() {
		Map<String, Long> counts = books.counts();
		List<String> wrong = new ArrayList<>();
		counts.forEach((what, count) -> {
			if (what.equals("transfers PENDING") || what.equals("transfers DEBITED")) {
				wrong.add(count + " " + what);
			}
		});
		return DrillAudit.Check.of("(6) every transfer decided", wrong, "rows: " + counts);
	}

}
