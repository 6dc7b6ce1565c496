package io.zonepay.platform.split;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's part of a split (or a merge): after it, each shard group's books stand on
 * their own (every posting sums to zero, every balance is the sum of its entries), and
 * nobody's money changed. Three kinds of rows need more than a copy:
 * <ul>
 * <li>a merchant's account is shared by every shard of a group: each group has its own,
 * the moved entries are re-pointed to the new group's (made if it has none) and raise its
 * balance, and the old group's is lowered as they are purged;</li>
 * <li>a transfer within the old group between a user who moves and one who stays is one
 * posting with both legs: the posting stays with the payer's shard, and the leg of the
 * account that is not in its group is re-pointed to the group's <em>clearing</em>
 * account;</li>
 * <li>an account whose balance then differs from its entries (its other leg is in the
 * other group) is opened with one posting against the clearing account.</li>
 * </ul>
 * The clearing accounts of the groups sum to zero: conservation holds over all groups, as
 * the audits check. Each method runs in the caller's transaction and writes, for the
 * lease fence, as the holder of the shard a row names: the split itself
 * ({@value ShardGroupId#SPLIT_LEASE_OWNER}) for the moving shards, the zone serving them
 * for the others, whose own writes of the same rows ({@code balance = balance + ...}) it
 * only adds to.
 */
final class SplitLedger {

	/**
	 * Where the split's own posting ids start (times 100, plus the shard): above every id
	 * the services make (56 bits of clock, node and sequence).
	 */
	private static final long POSTING_IDS = 80_000_000_000_000_000L;

	private final ShardSet moving;

	private final String splitName;

	SplitLedger(ShardSet moving, String splitName) {
		this.moving = moving;
		this.splitName = splitName;
	}

	/** A merchant's account: its id, the merchant, the currency. */
	record Merchant(long id, long owner, String currency) {
	}

	/**
	 * A moving account's entry in a posting that stays: the new group records it with a
	 * posting of its own that names the original ({@code split:<split>:<reference>}).
	 */
	record Leg(long entryId, long accountId, long amount, String currency, String reference) {
	}

	/**
	 * The moving accounts' entries in postings that stay, read in the group they leave.
	 */
	List<Leg> crossLegs(Connection source) throws SQLException {
		List<Leg> legs = new ArrayList<>();
		try (PreparedStatement query = source.prepareStatement("""
				select e.id, e.account_id, e.amount, e.currency, p.reference from entries e
				join accounts a on a.id = e.account_id join postings p on p.id = e.posting_id
				where a.kind not in ('MERCHANT', 'CLEARING') and a.shard in %s and p.shard not in %s
				order by e.id
				""".formatted(list(), list())); ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				legs.add(new Leg(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
						rows.getString(5)));
			}
		}
		return legs;
	}

	/** The merchant accounts of a group, which the moved entries name by id. */
	static List<Merchant> merchants(Connection db) throws SQLException {
		List<Merchant> merchants = new ArrayList<>();
		try (PreparedStatement query = db
			.prepareStatement("select id, owner_id, currency from accounts where kind = 'MERCHANT'");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				merchants.add(new Merchant(rows.getLong(1), rows.getLong(2), rows.getString(3)));
			}
		}
		return merchants;
	}

	/**
	 * In the group the shards leave, before the cut-over: a merchant's account that names
	 * a moving shard is given a staying one, so its holder keeps writing it.
	 */
	void rehomeMerchants(Connection source, Shard staying) throws SQLException {
		asHolderOf(source, staying);
		update(source,
				"update accounts set shard = " + staying.value() + " where kind = 'MERCHANT' and shard in " + list());
	}

	/**
	 * In the group the shards join, once replication stopped and before its leases are
	 * released: clearing accounts; the moved entries of merchants re-pointed to this
	 * group's merchant accounts (made if missing), whose balances rise by them; the other
	 * legs of accounts it does not have re-pointed to the clearing account; accounts
	 * opened where their balance is not their entries'.
	 * @param sourceMerchants the merchant accounts of the group the shards leave
	 */
	void settleTarget(Connection target, List<Merchant> sourceMerchants, List<Leg> crossLegs) throws SQLException {
		Shard first = moving.shards().getFirst();
		as(target, ShardGroupId.SPLIT_LEASE_OWNER);
		openClearing(target, first);
		update(target, "create temporary table split_merchants (id bigint, owner_id bigint, currency char(3))"
				+ " on commit drop");
		try (PreparedStatement insert = target.prepareStatement("insert into split_merchants values (?, ?, ?)")) {
			for (Merchant merchant : sourceMerchants) {
				insert.setLong(1, merchant.id());
				insert.setLong(2, merchant.owner());
				insert.setString(3, merchant.currency());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		// A merchant's entries name the old group's account; this group's account of the
		// same merchant (the same row, when a merge brings them home) takes them.
		update(target, """
				insert into accounts (kind, owner_id, currency, shard)
				select distinct 'MERCHANT', m.owner_id, m.currency, %d from split_merchants m
				where exists (select 1 from entries e where e.account_id = m.id)
				and not exists (select 1 from accounts a where a.id = m.id)
				on conflict (kind, owner_id, currency) do nothing
				""".formatted(first.value()));
		update(target, """
				update entries e set account_id = a.id from split_merchants m, accounts a
				where e.account_id = m.id and a.kind = 'MERCHANT' and a.owner_id = m.owner_id
				and a.currency = m.currency and not exists (select 1 from accounts same where same.id = m.id)
				""");
		List<long[]> raised = rows(target, """
				select a.id, a.shard, sum(e.amount) from accounts a join entries e on e.account_id = a.id
				join postings p on p.id = e.posting_id
				where a.kind = 'MERCHANT' and p.shard in %s group by a.id, a.shard
				""".formatted(list()));
		for (long[] merchant : raised) {
			asHolderOf(target, Shard.of((int) merchant[1]));
			update(target, "update accounts set balance = balance + " + merchant[2] + " where id = " + merchant[0]);
		}
		as(target, ShardGroupId.SPLIT_LEASE_OWNER);
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
		update(target, "create temporary table split_legs (entry_id bigint, account_id bigint, amount bigint,"
				+ " currency char(3), reference varchar(128)) on commit drop");
		try (PreparedStatement insert = target.prepareStatement("insert into split_legs values (?, ?, ?, ?, ?)")) {
			for (Leg leg : crossLegs) {
				insert.setLong(1, leg.entryId());
				insert.setLong(2, leg.accountId());
				insert.setLong(3, leg.amount());
				insert.setString(4, leg.currency());
				insert.setString(5, leg.reference());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		recordLegs(target, first, "select l.entry_id, l.account_id, l.amount, l.currency, l.reference, a.shard,"
				+ " a.balance from split_legs l join accounts a on a.id = l.account_id");
		// A safety net: nothing should be left to open.
		openDifferences(target, first, "open");
	}

	/**
	 * One posting per leg that stayed behind in the other group, with its original
	 * reference: the account's entry records it (its balance has it already), the
	 * clearing account's takes it.
	 * @param legs a query answering entry id, account id, amount, currency, reference,
	 * the account's shard and balance
	 */
	private void recordLegs(Connection db, Shard clearing, String legs) throws SQLException {
		update(db, "create temporary table split_recorded (entry_id bigint, account_id bigint, amount bigint,"
				+ " currency char(3), reference varchar(128), shard smallint, balance bigint) on commit drop");
		update(db, "insert into split_recorded " + legs);
		update(db, """
				insert into postings (id, reference, kind, shard, created_at)
				select (%d + l.entry_id) * 100 + l.shard, 'split:%s:' || l.reference, 'SPLIT', l.shard, now()
				from split_recorded l
				""".formatted(POSTING_IDS, splitName));
		update(db, """
				insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
				select (%d + l.entry_id) * 100 + l.shard, l.account_id, l.amount, l.currency, l.balance, now()
				from split_recorded l
				""".formatted(POSTING_IDS));
		update(db, """
				insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
				select (%d + l.entry_id) * 100 + l.shard, c.id, -l.amount, l.currency, c.balance, now()
				from split_recorded l join accounts c on c.kind = 'CLEARING' and c.owner_id = %d
				and c.currency = l.currency
				""".formatted(POSTING_IDS, clearing.value()));
		update(db, """
				update accounts c set balance = c.balance - s.total
				from (select currency, sum(amount) as total from split_recorded group by currency) s
				where c.kind = 'CLEARING' and c.owner_id = %d and c.currency = s.currency
				""".formatted(clearing.value()));
		update(db, "drop table split_recorded");
	}

	/**
	 * In the group the shards left, once they are fenced there for the split: the legs of
	 * moving accounts in postings that stay are re-pointed to the clearing account, so
	 * the moving accounts can be purged whole.
	 */
	void clearSource(Connection source, Shard staying) throws SQLException {
		asHolderOf(source, staying);
		openClearing(source, staying);
		List<long[]> legs = rows(source, """
				select e.id, e.amount, a.id, c.id from entries e
				join accounts a on a.id = e.account_id join postings p on p.id = e.posting_id
				join accounts c on c.kind = 'CLEARING' and c.owner_id = %d and c.currency = a.currency
				where a.kind not in ('MERCHANT', 'CLEARING') and a.shard in %s and p.shard not in %s
				""".formatted(staying.value(), list(), list()));
		for (long[] leg : legs) {
			update(source, "update entries set account_id = " + leg[3] + " where id = " + leg[0]);
			as(source, ShardGroupId.SPLIT_LEASE_OWNER);
			update(source, "update accounts set balance = balance - " + leg[1] + " where id = " + leg[2]);
			asHolderOf(source, staying);
			update(source, "update accounts set balance = balance + " + leg[1] + " where id = " + leg[3]);
		}
	}

	/**
	 * One batch of the moving shards' postings purged from the group they left, with
	 * their entries; the merchants' balances are lowered by what they lose. Answers how
	 * many postings went.
	 */
	int purgePostings(Connection source, int batch, @Nullable Shard staying) throws SQLException {
		as(source, ShardGroupId.SPLIT_LEASE_OWNER);
		update(source, "create temporary table split_purged (entry_id bigint, posting_id bigint, account_id bigint,"
				+ " amount bigint, currency char(3)) on commit drop");
		update(source, """
				with batch as (select id from postings where shard in %s order by id limit %d),
				gone as (delete from entries where posting_id in (select id from batch)
					returning id, posting_id, account_id, amount, currency)
				insert into split_purged select id, posting_id, account_id, amount, currency from gone
				""".formatted(list(), batch));
		if (staying != null) {
			// The staying users' legs of the moved postings (transfers within the old
			// group across the split's line): recorded here, with their original
			// reference.
			asHolderOf(source, staying);
			recordLegs(source, staying, """
					select l.entry_id, l.account_id, l.amount, l.currency, p.reference, a.shard, a.balance
					from split_purged l join accounts a on a.id = l.account_id
					join postings p on p.id = l.posting_id
					where a.kind not in ('MERCHANT', 'CLEARING') and a.shard not in %s
					""".formatted(list()));
		}
		List<long[]> lowered = rows(source, """
				select a.id, a.shard, s.total from accounts a
				join (select account_id, sum(amount) as total from split_purged group by account_id) s
				on a.id = s.account_id where a.kind = 'MERCHANT'
				""");
		for (long[] merchant : lowered) {
			asHolderOf(source, Shard.of((int) merchant[1]));
			update(source, "update accounts set balance = balance - " + merchant[2] + " where id = " + merchant[0]);
		}
		as(source, ShardGroupId.SPLIT_LEASE_OWNER);
		int postings = update(source, "delete from postings where id in (select posting_id from split_purged)");
		// A posting without entries (none is written so, but a batch must end).
		return postings + update(source, "delete from postings where id in (select id from postings p where shard in "
				+ list() + " and not exists (select 1 from entries e where e.posting_id = p.id) limit " + batch + ")");
	}

	/**
	 * After the postings: the moving shards' accounts and users go, and the staying
	 * accounts that lost legs with the moved postings are opened against the clearing
	 * account.
	 * @param staying a shard the group keeps; none when it gives all away (a merge)
	 */
	void finishSource(Connection source, @Nullable Shard staying) throws SQLException {
		as(source, ShardGroupId.SPLIT_LEASE_OWNER);
		// A clearing account kept under a moving shard (an earlier split's) went with it.
		update(source, "delete from accounts where kind <> 'MERCHANT' and shard in " + list());
		update(source, "delete from users where shard in " + list());
		if (staying != null) {
			asHolderOf(source, staying);
			openDifferences(source, staying, "settle");
		}
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
	 * Every account (not a merchant's, not a clearing one) whose balance is not the sum
	 * of its entries gets one posting that makes it so, against the clearing account: the
	 * account's entry records what it holds from the other group, its balance does not
	 * change.
	 */
	private void openDifferences(Connection db, Shard shard, String what) throws SQLException {
		String reference = "'split:" + splitName + ":" + what + ":'";
		update(db, """
				create temporary table split_differences on commit drop as
				select a.id, a.currency, a.balance,
					a.balance - coalesce((select sum(amount) from entries e where e.account_id = a.id), 0) as diff,
					row_number() over (order by a.id) as n
				from accounts a where a.kind not in ('MERCHANT', 'CLEARING')
				""");
		update(db, "delete from split_differences where diff = 0");
		update(db, """
				insert into postings (id, reference, kind, shard, created_at)
				select (%d + (extract(epoch from now())::bigint %% 100000000) * 1000 + n) * 100 + %d, %s || id, 'SPLIT',
					%d, now()
				from split_differences
				""".formatted(POSTING_IDS, shard.value(), reference, shard.value()));
		update(db, """
				insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
				select p.id, d.id, d.diff, d.currency, d.balance, now()
				from split_differences d join postings p on p.reference = %s || d.id
				""".formatted(reference));
		update(db, """
				insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
				select p.id, c.id, -d.diff, d.currency, c.balance - d.diff, now()
				from split_differences d join postings p on p.reference = %s || d.id
				join accounts c on c.kind = 'CLEARING' and c.owner_id = %d and c.currency = d.currency
				""".formatted(reference, shard.value()));
		update(db, """
				update accounts c set balance = c.balance - s.total
				from (select currency, sum(diff) as total from split_differences group by currency) s
				where c.kind = 'CLEARING' and c.owner_id = %d and c.currency = s.currency
				""".formatted(shard.value()));
	}

	private String list() {
		return "(" + String.join(", ", moving.shards().stream().map(shard -> Integer.toString(shard.value())).toList())
				+ ")";
	}

	/** Writes as the zone that holds a shard's lease in this database. */
	private static void asHolderOf(Connection db, Shard shard) throws SQLException {
		try (PreparedStatement set = db.prepareStatement(
				"select set_config('zonepay.zone', (select owner_zone from shard_leases where shard = ?), true)")) {
			set.setInt(1, shard.value());
			set.execute();
		}
	}

	/** Names the zone the next statements write as, for the lease fence. */
	private static void as(Connection db, String zone) throws SQLException {
		try (PreparedStatement set = db.prepareStatement("select set_config('zonepay.zone', ?, true)")) {
			set.setString(1, zone);
			set.execute();
		}
	}

	private static List<long[]> rows(Connection db, String sql) throws SQLException {
		List<long[]> rows = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement(sql); ResultSet result = query.executeQuery()) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				long[] row = new long[columns];
				for (int column = 0; column < columns; column++) {
					row[column] = result.getLong(column + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static int update(Connection db, String sql) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			return statement.executeUpdate();
		}
	}

}
