package io.zonepay.platform.split;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardSet;

/**
 * The ledger's part of a split: after it, each shard group's books stand on their own
 * (every posting sums to zero, every balance is the sum of its entries), and nobody's
 * money changed. Three kinds of rows need more than a copy:
 * <ul>
 * <li>a merchant's account is shared by every shard of a group: each group keeps the
 * entries of its own shards, so its balance becomes the sum of those (the new group's set
 * at the cut-over, the old group's lowered as the moved entries are purged);</li>
 * <li>a transfer within the old group between a user who moves and one who stays is one
 * posting with both legs: the posting stays with the payer's shard, and the leg of the
 * account that is not in its group is re-pointed to the group's <em>clearing</em>
 * account;</li>
 * <li>an account whose balance then differs from its entries (its other leg is in the
 * other group) is opened with one posting against the clearing account.</li>
 * </ul>
 * The clearing accounts of the two groups sum to zero: conservation holds over all
 * groups, as the audits check. Each method runs in the caller's transaction and names the
 * zone it writes as for the lease fence: the split itself
 * ({@value io.zonepay.kernel.zone.ShardGroupId#SPLIT_LEASE_OWNER}) for the moving shards,
 * their holder for the shards that stay.
 */
final class SplitLedger {

	private final ShardSet moving;

	private final String splitName;

	SplitLedger(ShardSet moving, String splitName) {
		this.moving = moving;
		this.splitName = splitName;
	}

	/**
	 * In the group the shards leave, before the cut-over: a merchant's account that names
	 * a moving shard is given a staying one, so its holder keeps writing it.
	 */
	void rehomeMerchants(Connection source, Shard staying, String holder) throws SQLException {
		as(source, holder);
		update(source,
				"update accounts set shard = " + staying.value() + " where kind = 'MERCHANT' and shard in " + list());
	}

	/**
	 * In the group the shards join, once replication stopped and before its leases are
	 * released: clearing accounts, foreign legs re-pointed, merchants' balances from
	 * their entries, accounts opened where their balance is not their entries'.
	 */
	void settleTarget(Connection target) throws SQLException {
		Shard first = moving.shards().getFirst();
		as(target, io.zonepay.kernel.zone.ShardGroupId.SPLIT_LEASE_OWNER);
		openClearing(target, first);
		// Legs of accounts this group does not have: the staying users' sides of
		// transfers within the old group.
		update(target, """
				with foreign_legs as (
					select e.id, e.amount, e.currency from entries e
					where not exists (select 1 from accounts a where a.id = e.account_id)),
				repointed as (
					update entries e set account_id = c.id from foreign_legs f, accounts c
					where e.id = f.id and c.kind = 'CLEARING' and c.owner_id = %d and c.currency = f.currency
					returning c.id, e.amount)
				update accounts c set balance = c.balance + s.total
				from (select id, sum(amount) as total from repointed group by id) s where c.id = s.id
				""".formatted(first.value()));
		update(target, """
				update accounts a set shard = %d, balance = coalesce((select sum(amount) from entries e
					where e.account_id = a.id), 0)
				where a.kind = 'MERCHANT'
				""".formatted(first.value()));
		openDifferences(target, first, "open");
	}

	/**
	 * In the group the shards left, once they are fenced there for the split: the legs of
	 * moving accounts in postings that stay are re-pointed to the clearing account, so
	 * the moving accounts can be purged whole.
	 */
	void clearSource(Connection source, Shard staying, String holder) throws SQLException {
		as(source, holder);
		openClearing(source, staying);
		List<long[]> legs = new ArrayList<>();
		try (PreparedStatement query = source.prepareStatement("""
				select e.id, e.amount, a.id, c.id from entries e
				join accounts a on a.id = e.account_id join postings p on p.id = e.posting_id
				join accounts c on c.kind = 'CLEARING' and c.owner_id = ? and c.currency = a.currency
				where a.kind not in ('MERCHANT', 'CLEARING') and a.shard in %s and p.shard not in %s
				""".formatted(list(), list()))) {
			query.setLong(1, staying.value());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					legs.add(new long[] { rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4) });
				}
			}
		}
		for (long[] leg : legs) {
			update(source, "update entries set account_id = " + leg[3] + " where id = " + leg[0]);
			as(source, io.zonepay.kernel.zone.ShardGroupId.SPLIT_LEASE_OWNER);
			update(source, "update accounts set balance = balance - " + leg[1] + " where id = " + leg[2]);
			as(source, holder);
			update(source, "update accounts set balance = balance + " + leg[1] + " where id = " + leg[3]);
		}
	}

	/**
	 * One batch of the moving shards' postings purged from the group they left, with
	 * their entries; the merchants' balances are lowered by what they lose. Answers how
	 * many postings went.
	 */
	int purgePostings(Connection source, String merchantHolder, int batch) throws SQLException {
		as(source, io.zonepay.kernel.zone.ShardGroupId.SPLIT_LEASE_OWNER);
		update(source, "create temporary table if not exists split_purged (account_id bigint, amount bigint)"
				+ " on commit delete rows");
		int postings = update(source, """
				with batch as (select id from postings where shard in %s order by id limit %d),
				gone as (delete from entries where posting_id in (select id from batch) returning account_id, amount),
				kept as (insert into split_purged select account_id, amount from gone)
				select count(*) from batch
				""".formatted(list(), batch), true);
		as(source, merchantHolder);
		update(source, """
				update accounts a set balance = a.balance - s.total
				from (select account_id, sum(amount) as total from split_purged group by account_id) s
				where a.id = s.account_id and a.kind = 'MERCHANT'
				""");
		as(source, io.zonepay.kernel.zone.ShardGroupId.SPLIT_LEASE_OWNER);
		update(source, "delete from postings p where shard in " + list()
				+ " and not exists (select 1 from entries e where e.posting_id = p.id)");
		return postings;
	}

	/**
	 * After the postings: the moving shards' accounts and users go, and the staying
	 * accounts that lost legs with the moved postings are opened against the clearing
	 * account.
	 */
	void finishSource(Connection source, Shard staying, String holder) throws SQLException {
		as(source, io.zonepay.kernel.zone.ShardGroupId.SPLIT_LEASE_OWNER);
		update(source, "delete from accounts where kind not in ('MERCHANT', 'CLEARING') and shard in " + list());
		update(source, "delete from users where shard in " + list());
		as(source, holder);
		openDifferences(source, staying, "settle");
	}

	/** The group's clearing account in each currency its accounts hold, at a shard. */
	private void openClearing(Connection db, Shard shard) throws SQLException {
		update(db, """
				insert into accounts (kind, owner_id, currency, shard)
				select distinct 'CLEARING', %d, currency, %d from accounts
				on conflict (kind, owner_id, currency) do nothing
				""".formatted(shard.value(), shard.value()));
	}

	/**
	 * Every account (not a merchant's, not the clearing one) whose balance is not the sum
	 * of its entries gets one posting that makes it so, against the clearing account: the
	 * account's entry records what it holds from the other group, its balance does not
	 * change.
	 */
	private void openDifferences(Connection db, Shard shard, String what) throws SQLException {
		update(db, """
				with differences as (
					select a.id, a.currency, a.balance,
						a.balance - coalesce((select sum(amount) from entries e where e.account_id = a.id), 0) as diff,
						row_number() over (order by a.id) as n
					from accounts a where a.kind not in ('MERCHANT', 'CLEARING')),
				opened as (
					insert into postings (id, reference, kind, shard, created_at)
					select (%d + (extract(epoch from now())::bigint %% 100000000) * 1000 + n) * 100 + %d,
						'split:%s:%s:' || id, 'SPLIT', %d, now()
					from differences where diff <> 0
					returning id, reference),
				legs as (
					insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
					select o.id, d.id, d.diff, d.currency, d.balance, now()
					from opened o join differences d on o.reference = 'split:%s:%s:' || d.id
					union all
					select o.id, c.id, -d.diff, d.currency, c.balance, now()
					from opened o join differences d on o.reference = 'split:%s:%s:' || d.id
					join accounts c on c.kind = 'CLEARING' and c.owner_id = %d and c.currency = d.currency
					returning account_id, amount)
				update accounts c set balance = c.balance + s.total
				from (select account_id, sum(amount) as total from legs group by account_id) s
				where c.id = s.account_id and c.kind = 'CLEARING'
				""".formatted(POSTING_IDS, shard.value(), splitName, what, shard.value(), splitName, what, splitName,
				what, shard.value()));
	}

	/**
	 * Where the split's own posting ids start (times 100, plus the shard): far above the
	 * ids the services make, which grow from the node's clock.
	 */
	private static final long POSTING_IDS = 80_000_000_000_000_000L;

	private String list() {
		return "(" + String.join(", ", moving.shards().stream().map(shard -> Integer.toString(shard.value())).toList())
				+ ")";
	}

	/** Names the zone the next statements write as, for the lease fence. */
	private static void as(Connection db, String zone) throws SQLException {
		try (PreparedStatement set = db.prepareStatement("select set_config('zonepay.zone', ?, true)")) {
			set.setString(1, zone);
			set.execute();
		}
	}

	private static int update(Connection db, String sql) throws SQLException {
		return update(db, sql, false);
	}

	private static int update(Connection db, String sql, boolean counted) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			if (counted) {
				try (ResultSet rows = statement.executeQuery()) {
					return rows.next() ? rows.getInt(1) : 0;
				}
			}
			return statement.executeUpdate();
		}
	}

}
