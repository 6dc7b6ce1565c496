package io.zonepay.account.ledger;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts a batch of postings moves money on: opened on their first posting, locked
 * in account-id order for the length of the batch's transaction (so that concurrent
 * transactions on the same accounts serialize instead of deadlocking), and changed once
 * each, by the sum of the batch's entries on them.
 */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks every account named for the rest of the transaction, opening those that have
	 * none yet, and answers their ids and their balances as they are now. An account
	 * opened here belongs to the shard of the first key that names it, as a merchant's
	 * receivable belongs to the shard of the posting that first reaches it.
	 * <p>
	 * The accounts that exist, nearly always all of them, are found and locked by one
	 * statement, in account-id order, so that concurrent transactions on the same
	 * accounts serialize instead of deadlocking. Those it did not find are opened, always
	 * in the same order, and locked after them: out of id order only towards a
	 * transaction that opened the same account at the same moment, and should the two
	 * deadlock, PostgreSQL ends one, whose postings the writer then applies alone.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Locked lock(Collection<AccountKey> keys) {
		Map<Name, AccountKey> named = new LinkedHashMap<>();
		keys.forEach(key -> named.putIfAbsent(Name.of(key), key));
		Map<Name, Row> rows = lockExisting(named.keySet());
		List<AccountKey> missing = named.entrySet()
			.stream()
			.filter(name -> !rows.containsKey(name.getKey()))
			.map(Map.Entry::getValue)
			.sorted(Comparator.comparing((AccountKey key) -> key.kind())
				.thenComparingLong(AccountKey::owner)
				.thenComparing(key -> key.currency().code()))
			.toList();
		if (!missing.isEmpty()) {
			open(missing);
			rows.putAll(lockExisting(missing.stream().map(Name::of).toList()));
		}
		Map<AccountKey, Long> ids = new HashMap<>();
		Map<Long, PostingPlan.Balance> balances = new HashMap<>();
		for (AccountKey key : keys) {
			Row row = Objects.requireNonNull(rows.get(Name.of(key)), () -> "account " + key + " was not opened");
			ids.put(key, row.id());
			balances.put(row.id(), row.balance());
		}
		return new Locked(ids, balances);
	}

	private void open(List<AccountKey> missing) {
		jdbc.sql("""
				insert into accounts (kind, owner_id, currency, shard)
				select * from unnest(?::varchar[], ?::bigint[], ?::char(3)[], ?::smallint[])
				on conflict (kind, owner_id, currency) do nothing
				""")
			.params(missing.stream().map(key -> key.kind().name()).toArray(String[]::new),
					missing.stream().mapToLong(AccountKey::owner).toArray(),
					missing.stream().map(key -> key.currency().code()).toArray(String[]::new),
					missing.stream().mapToInt(key -> key.shard().value()).toArray())
			.update();
	}

	/** Finds and locks, in account-id order, the accounts of these names that exist. */
	private Map<Name, Row> lockExisting(Collection<Name> names) {
		Map<Name, Row> rows = new HashMap<>();
		if (names.isEmpty()) {
			return rows;
		}
		jdbc.sql("""
				select a.id, a.kind, a.owner_id, a.currency, a.balance from accounts a
				join unnest(?::varchar[], ?::bigint[], ?::char(3)[]) as n(kind, owner_id, currency)
					on a.kind = n.kind and a.owner_id = n.owner_id and a.currency = n.currency
				order by a.id for update of a
				""")
			.params(names.stream().map(Name::kind).toArray(String[]::new),
					names.stream().mapToLong(Name::owner).toArray(),
					names.stream().map(Name::currency).toArray(String[]::new))
			.query(rs -> {
				rows.put(new Name(rs.getString(2), rs.getLong(3), rs.getString(4)), new Row(rs.getLong(1),
						new PostingPlan.Balance(AccountKind.valueOf(rs.getString(2)), rs.getLong(5))));
			});
		return rows;
	}

	/**
	 * Applies one change per account in a single statement, still guarded: a balance that
	 * must not go negative never does, whatever the plan said. The accounts are locked
	 * since {@link #lock}, so each must end exactly where the plan put it; if one does
	 * not, the transaction fails rather than book a balance nobody can explain.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void apply(List<PostingPlan.Change> changes) {
		Map<Long, Long> left = new HashMap<>();
		jdbc.sql("""
				update accounts a set balance = a.balance + c.delta
				from unnest(?::bigint[], ?::bigint[]) as c(id, delta)
				where a.id = c.id and (a.kind in ('FUNDING', 'TRANSIT') or a.balance + c.delta >= 0)
				returning a.id, a.balance
				""")
			.params(changes.stream().mapToLong(PostingPlan.Change::accountId).toArray(),
					changes.stream().mapToLong(PostingPlan.Change::delta).toArray())
			.query(rs -> {
				left.put(rs.getLong(1), rs.getLong(2));
			});
		for (PostingPlan.Change change : changes) {
			Long balance = left.get(change.accountId());
			if (balance == null || balance != change.balance()) {
				throw new IllegalStateException("account " + change.accountId() + " was left at " + balance
						+ " where the batch put it at " + change.balance());
			}
		}
	}

	/**
	 * What makes an account the same account: its kind, owner and currency, not the shard
	 * a posting names.
	 */
	private record Name(String kind, long owner, String currency) {

		static Name of(AccountKey key) {
			return new Name(key.kind().name(), key.owner(), key.currency().code());
		}
	}

	/** A locked account: its id and its balance as the lock found it. */
	private record Row(long id, PostingPlan.Balance balance) {
	}

	/**
	 * The accounts a batch locked: the id of each key named, and the balance of each
	 * account.
	 */
	record Locked(Map<AccountKey, Long> ids, Map<Long, PostingPlan.Balance> balances) {
	}

}
