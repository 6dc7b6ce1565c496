package io.zonepay.runtime.global;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.routing.RoutingTables;

import org.jspecify.annotations.Nullable;

/**
 * The global data this process knows: the newest {@link GlobalView} (its routing table
 * also feeds {@link RoutingTables}), which only ever moves to newer versions, and the
 * merchants it looked up lately, each kept no longer than the time to live, so that a
 * merchant change reaches it within that time.
 */
public final class GlobalData {

	private final AtomicReference<@Nullable GlobalView> view = new AtomicReference<>();

	private final Map<MerchantId, Cached> merchants = new ConcurrentHashMap<>();

	private final Map<MerchantId, CompletableFuture<Optional<MerchantDocument>>> reading = new ConcurrentHashMap<>();

	/**
	 * When each merchant in memory was last asked for: the ones a refresh keeps fresh.
	 */
	private final Map<MerchantId, Long> used = new ConcurrentHashMap<>();

	/** What {@link #sinceConfirmed()} answers before the first view: a century. */
	private static final Duration NEVER = Duration.ofDays(36_500);

	/**
	 * When a source last said this view is current ({@link System#nanoTime()}); 0 before
	 * the first view.
	 */
	private volatile long confirmedAt;

	private final RoutingTables tables;

	private final @Nullable GlobalDataClient client;

	private final int merchantCacheSize;

	private final Duration merchantTimeToLive;

	/** Told when a merchant is kept while none was: it only hands the news on. */
	private volatile Runnable firstMerchantKept = () -> {
	};

	public GlobalData(RoutingTables tables, @Nullable GlobalDataClient client, int merchantCacheSize,
			Duration merchantTimeToLive) {
		this.tables = tables;
		this.client = client;
		this.merchantCacheSize = merchantCacheSize;
		this.merchantTimeToLive = merchantTimeToLive;
	}

	public @Nullable GlobalView view() {
		return view.get();
	}

	public long version() {
		GlobalView current = view.get();
		return current == null ? 0 : current.version();
	}

	/** The switches at the newest known version. */
	public Switches switches() {
		return require().switches();
	}

	/**
	 * The currency named by a request, if it is one of the GZone's currency list.
	 * @throws ProblemException {@code 400 UNKNOWN_CURRENCY} otherwise
	 */
	public CurrencyCode acceptedCurrency(String code) {
		if (!CurrencyCode.isValid(code) || !require().accepts(CurrencyCode.of(code))) {
			throw new ProblemException(CommonProblem.UNKNOWN_CURRENCY,
					"'" + code + "' is not a currency ZonePay accepts");
		}
		return CurrencyCode.of(code);
	}

	/**
	 * Notes that a source (a CZone while fresh, else the GZone) just said the view held
	 * is current.
	 */
	public void confirmed() {
		confirmedAt = System.nanoTime();
	}

	/**
	 * How long since a source last said the view held is current: how stale what this
	 * process knows of global data may be (add the source's own bound); very long before
	 * the first view.
	 */
	public Duration sinceConfirmed() {
		long at = confirmedAt;
		return at == 0 ? NEVER : Duration.ofNanos(System.nanoTime() - at);
	}

	/** Takes a view if it is newer than the current one; answers whether it did. */
	public boolean offer(GlobalView offered) {
		confirmed();
		GlobalView previous = view.getAndAccumulate(offered,
				(known, next) -> known == null || next.version() > known.version() ? next : known);
		boolean newer = previous == null || offered.version() > previous.version();
		if (newer) {
			tables.offer(offered.routing());
		}
		return newer;
	}

	/**
	 * A merchant, from memory or from the CZone.
	 * @throws ProblemException {@code 503 STALE_GLOBAL_DATA} when it cannot be read
	 */
	public Optional<MerchantDocument> merchant(MerchantId id) {
		long now = System.nanoTime();
		used.put(id, now);
		Cached cached = merchants.get(id);
		if (cached != null && now - cached.readAt() < merchantTimeToLive.toNanos()) {
			return cached.merchant();
		}
		// One read per merchant at a time: when a popular merchant's entry expires, a
		// burst of payments would otherwise
		// send the CZone one read each, just when it is busiest.
		CompletableFuture<Optional<MerchantDocument>> mine = new CompletableFuture<>();
		CompletableFuture<Optional<MerchantDocument>> inFlight = reading.putIfAbsent(id, mine);
		if (inFlight != null) {
			return joined(inFlight);
		}
		try {
			Optional<MerchantDocument> read = read(id);
			if (merchants.size() >= merchantCacheSize) {
				merchants.clear();
			}
			boolean first = merchants.isEmpty();
			merchants.put(id, new Cached(read, now));
			if (first) {
				firstMerchantKept.run();
			}
			mine.complete(read);
			return read;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			reading.remove(id, mine);
		}
	}

	/**
	 * Reads again, in one request, every merchant asked for within {@code keepFor}, and
	 * forgets the others. Run more often than the time to live, it keeps the merchants in
	 * use fresh, so that payments find them in memory instead of each making a read of
	 * its own (on a busy zone, one per payment). A failed refresh changes nothing: the
	 * entries then expire as they would have, and the next payments read them singly.
	 * @return whether any merchant is kept, so that a refresh is due again
	 */
	public boolean refreshMerchants(Duration keepFor) {
		if (client == null) {
			return false;
		}
		long now = System.nanoTime();
		used.entrySet().removeIf(entry -> now - entry.getValue() > keepFor.toNanos());
		merchants.keySet().retainAll(used.keySet());
		// The most recently used, as many as one read may name.
		List<MerchantId> wanted = merchants.keySet()
			.stream()
			.sorted(Comparator.comparing((MerchantId id) -> used.getOrDefault(id, 0L)).reversed())
			.limit(GlobalDataClient.MAX_MERCHANTS_PER_READ)
			.toList();
		if (wanted.isEmpty()) {
			return false;
		}
		try {
			Map<MerchantId, MerchantDocument> read = client.merchants(wanted);
			// As old as the moment the read started: the time to live counts from there,
			// and a single read made meanwhile is newer and stays.
			wanted.forEach(id -> merchants.merge(id, new Cached(Optional.ofNullable(read.get(id)), now),
					(kept, refreshed) -> kept.readAt() - refreshed.readAt() > 0 ? kept : refreshed));
		}
		catch (IOException ex) {
			// The entries expire as they would have without this refresh.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return true;
	}

	/**
	 * Runs {@code listener} when a merchant is kept while none was, on the reading
	 * thread: it must only hand the news on (wake the refresh), never wait.
	 */
	public void whenFirstMerchantKept(Runnable listener) {
		firstMerchantKept = listener;
	}

	/**
	 * Another thread's read, whose own timeout bounds the wait; its failure is this
	 * caller's failure.
	 */
	private static Optional<MerchantDocument> joined(CompletableFuture<Optional<MerchantDocument>> read) {
		try {
			return read.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private Optional<MerchantDocument> read(MerchantId id) {
		if (client == null) {
			throw new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "this process has no source of global data");
		}
		try {
			return client.merchant(id);
		}
		catch (IOException ex) {
			throw new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "merchant " + id
					+ " cannot be read from any of " + client.sources() + " (" + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "interrupted reading merchant " + id);
		}
	}

	private GlobalView require() {
		GlobalView current = view.get();
		if (current == null) {
			throw new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "global data has not been loaded yet");
		}
		return current;
	}

	private record Cached(Optional<MerchantDocument> merchant, long readAt) {
	}

}
