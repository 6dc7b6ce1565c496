package io.zonepay.platform.split;

import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.ShardSet;

/**
 * Which rows of each RZone service's tables belong to a set of shards, as row filters of
 * a publication. Every business table names its shard: by a {@code shard} column, or by
 * the last two digits of an id ({@code base * 100 + shard}); entries follow their
 * posting, Idempotency-Keys their caller's user. A merchant's account belongs to every
 * shard of its group: it is not copied, each group keeps its own, and the moved entries
 * find theirs at the cut-over ({@link SplitLedger}); the funding and transit accounts are
 * the shard's own. The inbox (no shard, dedupe only) is not published: its rows are
 * copied at the cut-over, once the old zone has stopped consuming the shards' events
 * ({@link LiveSplit}); the outbox never (the old group's relay publishes the moving
 * shards' events that are left).
 */
public final class SplitTables {

	private SplitTables() {
	}

	/**
	 * A table and the row filter of the moving shards' rows, or {@code null} for every
	 * row.
	 *
	 * @param keyed whether the filter names only columns of the primary key: then the
	 * table's default replica identity serves it, and its updates need not log every old
	 * row whole while the split runs
	 */
	public record Table(String name, String filter, boolean keyed) {

		Table(String name, String filter) {
			this(name, filter, false);
		}

		/** The publication's entry for this table. */
		String published() {
			return filter.isEmpty() ? name : name + " where (" + filter + ")";
		}
	}

	/** The tables of a service ({@code account}, {@code order}, {@code payment}). */
	public static List<Table> of(String service, ShardSet shards) {
		String byShard = in("shard", shards);
		String byId = in("id % 100", shards);
		// Updated on every payment: filtered by their key, whose last two digits are the
		// shard (each table checks it), so that only their key is logged on an update.
		// Accounts are filtered by kind and shard and logged whole; the ledger's and the
		// decisions' rows are only ever inserted.
		// A row filter may not cast: the caller's user id ends with its shard's two
		// digits.
		Table keys = new Table("idempotency_keys",
				"caller like 'user:%' and right(caller, 2) in (" + String.join(", ",
						shards.shards().stream().sorted().map(shard -> "'%02d'".formatted(shard.value())).toList())
						+ ")",
				true);
		Map<String, List<Table>> tables = Map.of("account",
				List.of(new Table("users", byId, true), new Table("accounts", "kind <> 'MERCHANT' and " + byShard),
						new Table("postings", byShard), new Table("entries", in("posting_id % 100", shards)), keys),
				"order", List.of(new Table("orders", byId, true), keys), "payment",
				List.of(new Table("payments", byId, true), new Table("refunds", byId, true),
						new Table("transfers", byId, true),
						new Table("risk_features", in("user_id % 100", shards), true),
						new Table("risk_decisions", byShard), keys));
		List<Table> found = tables.get(service);
		if (found == null) {
			throw new IllegalArgumentException("no RZone service " + service + ": account, order or payment");
		}
		return found;
	}

	/** A SQL condition: the expression's value is one of the shards. */
	static String in(String expression, ShardSet shards) {
		return expression + " in (" + String.join(", ",
				shards.shards().stream().sorted().map(shard -> Integer.toString(shard.value())).toList()) + ")";
	}

}
