package io.zonepay.account.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.service.deadline.Deadlines;
import io.zonepay.service.shardgroup.ShardContext;
import io.zonepay.service.shardgroup.ShardScopes;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One writer per shard group for the postings of the zone's other services: concurrent
 * postings of a shard group are applied together, in one transaction
 * ({@link GroupCommit}, {@link LedgerBatches}), instead of one transaction each.
 * <p>
 * One writer, not several: a popular merchant's receivable is credited by most payments
 * of its shard group, and one transaction per payment made every payment of the group
 * queue for that row's lock in turn (the hot account). With one writer, the row is locked
 * once per batch and changed once per batch by the sum of the batch's entries on it; no
 * two transactions of the zone ever wait for it, and postings on the same account are
 * applied in the order they came. Spreading the receivable over sub-accounts that sum on
 * read would also spread the lock, but would make every balance a sum, give each entry
 * the balance of a bucket rather than the merchant's, and make a refund choose (or split
 * across) buckets; batching keeps one account, one balance, and the rules of double entry
 * as they were.
 * <p>
 * Shadow postings have writers of their own: a batch is one transaction on one schema,
 * and a load test's postings must never share a transaction with real ones.
 */
@Component
class PostingWriters implements DisposableBean {

	/** The group of a service without shard groups: its one database. */
	private static final ShardGroupId ONLY = ShardGroupId.of("only");

	private final LedgerBatches batches;

	private final @Nullable ShardScopes scopes;

	private final PostingBatchProperties properties;

	private final DistributionSummary batchSizes;

	private final Map<Writer, GroupCommit<Queued, Ledger.Outcome>> writers = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	PostingWriters(LedgerBatches batches, ObjectProvider<ShardScopes> scopes, PostingBatchProperties properties,
			MeterRegistry registry) {
		this.batches = batches;
		this.scopes = scopes.getIfAvailable();
		this.properties = properties;
		this.batchSizes = DistributionSummary.builder("zonepay.ledger.batch.postings")
			.description("Postings applied per transaction of the ledger's writers")
			.register(registry);
		Gauge.builder("zonepay.ledger.queue.postings", this, PostingWriters::queued)
			.description("Postings waiting for the ledger's writers")
			.register(registry);
	}

	/**
	 * Posts through the writer of the shard group the current unit of work is bound to,
	 * and waits for the outcome within the request's deadline.
	 */
	Ledger.Outcome post(Posting posting) {
		awaitLegLeases(posting);
		Shard shard = ShardContext.shard();
		ShardGroupId bound = ShardContext.group();
		ShardGroupId group = scopes == null ? ONLY : bound != null ? bound : scopes.groups().home();
		return writers.computeIfAbsent(new Writer(group, TrafficScope.current()), this::start)
			.submit(new Queued(posting, shard), Deadlines.current());
	}

	/**
	 * Waits, bounded, for the lease of a leg's shard the routing table gives this zone: a
	 * merge's cut-over brings a payee's shard into the payer's group, and a transfer
	 * decided within the group by the new table must not be fenced off while the zone is
	 * still taking the shard over. A shard given to another zone (a split moved it out)
	 * is not waited for; past the bound, or for such a shard, the fence decides.
	 */
	private void awaitLegLeases(Posting posting) {
		if (scopes == null) {
			return;
		}
		for (Posting.Leg leg : posting.legs()) {
			Shard legShard = leg.account().shard();
			if (!legShard.equals(posting.shard())) {
				scopes.awaitGivenLease(legShard);
			}
		}
	}

	/** How many postings wait for a writer, over every shard group. */
	int queued() {
		return writers.values().stream().mapToInt(GroupCommit::queued).sum();
	}

	@Override
	public void destroy() {
		writers.values().forEach(GroupCommit::close);
	}

	private GroupCommit<Queued, Ledger.Outcome> start(Writer writer) {
		String name = "ledger-writer-" + writer.group() + (writer.traffic().isShadow() ? "-shadow" : "");
		return new GroupCommit<Queued, Ledger.Outcome>(name, batch -> write(writer.traffic(), batch),
				properties.maxPostings(), properties.queueCapacity(), properties.maxWait(), clock)
			.start();
	}

	/**
	 * Runs on the group's writer thread, bound to the group through the shard of one of
	 * the batch's callers (they all use the same database); a batch of callers bound to
	 * no shard uses the home group's, as they would.
	 */
	private List<Ledger.Outcome> write(Traffic traffic, List<Queued> batch) {
		batchSizes.record(batch.size());
		List<Posting> postings = batch.stream().map(Queued::posting).toList();
		Shard shard = batch.stream().map(Queued::shard).filter(Objects::nonNull).findFirst().orElse(null);
		try (TrafficScope.Scope bound = TrafficScope.enter(traffic)) {
			if (scopes == null || shard == null) {
				return batches.post(postings);
			}
			try (ShardScopes.Scope ignored = scopes.enter(shard)) {
				return batches.post(postings);
			}
		}
	}

	/** A writer's shard group and traffic: one transaction never mixes two of either. */
	private record Writer(ShardGroupId group, Traffic traffic) {
	}

	/** A posting and the shard its caller's unit of work is bound to, if any. */
	private record Queued(Posting posting, @Nullable Shard shard) {
	}

}
