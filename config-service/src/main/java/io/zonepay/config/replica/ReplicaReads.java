package io.zonepay.config.replica;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.config.global.GlobalReads;
import io.zonepay.config.global.Watermark;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

/**
 * A CZone's reads. From its own copy while the copy is within the staleness bound and has
 * the version the caller needs (waiting a bounded time for it); otherwise from the GZone,
 * counted; and when the GZone cannot be reached either, {@code 503 STALE_GLOBAL_DATA}.
 * Never data older than the bound without saying so, and one exception to the bound: when
 * the writer is unavailable from everywhere this copy can ask ({@link WriterWatch}), no
 * write can be happening that it misses, so it serves its copy, marked
 * {@code X-ZonePay-Writer: unavailable}.
 */
class ReplicaReads implements GlobalReads {

	private final ReplicaState state;

	private final GzoneClient gzone;

	private final Duration minVersionWait;

	private final String zone;

	private final WriterWatch writer;

	private final Map<String, Counter> fallbacks;

	private final Counter writerless;

	/**
	 * How long a read waits for the copies' verdict on a writer it cannot reach: within a
	 * reader's 1 s request bound.
	 */
	private static final Duration VERDICT_WAIT = Duration.ofMillis(700);

	private static final Duration VERDICT_POLL = Duration.ofMillis(25);

	ReplicaReads(ReplicaState state, GzoneClient gzone, WriterWatch writer, Duration minVersionWait, String zone,
			MeterRegistry registry) {
		this.state = state;
		this.gzone = gzone;
		this.writer = writer;
		this.minVersionWait = minVersionWait;
		this.zone = zone;
		this.fallbacks = Map.of("stale", fallbackCounter(registry, "stale"), "behind",
				fallbackCounter(registry, "behind"));
		this.writerless = Counter.builder("zonepay.czone.writerless.reads")
			.description("Reads a CZone served from its copy while the writer was unavailable everywhere it could ask")
			.register(registry);
	}

	@Override
	public ResponseEntity<JsonNode> read(long minVersion, Supplier<Optional<JsonNode>> local, String path,
			Supplier<ProblemException> notFound) {
		if (!state.fresh()) {
			if (writer.writerUnavailable() && reached(minVersion)) {
				return writerless(local, notFound);
			}
			fallbacks.get("stale").increment();
			try {
				return fromGzone(path, notFound);
			}
			catch (ProblemException unreachable) {
				return heldForTheVerdict(minVersion, local, notFound, unreachable);
			}
		}
		if (!reached(minVersion)) {
			fallbacks.get("behind").increment();
			return fromGzone(path, notFound);
		}
		JsonNode answer = local.get().orElseThrow(notFound);
		return ResponseEntity.ok().header(ZonePayHeaders.SERVED_BY, zone).body(answer);
	}

	@Override
	public Watermark watermark() {
		return state.watermark();
	}

	@Override
	public boolean fresh() {
		return state.fresh();
	}

	@Override
	public boolean writerReachable() {
		return writer.writerReachable();
	}

	@Override
	public boolean writerUnavailable() {
		return writer.writerUnavailable();
	}

	/**
	 * The GZone cannot be reached from a stale copy: in the first moments after the
	 * writer dies, the copies are still finding out whether it is gone everywhere (a
	 * round of questions to the other cities). Rather than refuse a read that the verdict
	 * would let it serve, the copy waits for it, briefly: within its readers' one-second
	 * bound.
	 */
	private ResponseEntity<JsonNode> heldForTheVerdict(long minVersion, Supplier<Optional<JsonNode>> local,
			Supplier<ProblemException> notFound, ProblemException unreachable) {
		if (unreachable.problem() != CommonProblem.STALE_GLOBAL_DATA) {
			throw unreachable;
		}
		long deadline = System.nanoTime() + VERDICT_WAIT.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (writer.writerUnavailable() && reached(minVersion)) {
					return writerless(local, notFound);
				}
				Thread.sleep(VERDICT_POLL.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw unreachable;
	}

	private ResponseEntity<JsonNode> writerless(Supplier<Optional<JsonNode>> local,
			Supplier<ProblemException> notFound) {
		writerless.increment();
		JsonNode answer = local.get().orElseThrow(notFound);
		return ResponseEntity.ok()
			.header(ZonePayHeaders.SERVED_BY, zone)
			.header(ZonePayHeaders.WRITER, "unavailable")
			.body(answer);
	}

	private boolean reached(long minVersion) {
		try {
			return state.watermark().version() >= minVersion
					|| state.awaitVersion(minVersion, minVersionWait) && (state.fresh() || writer.writerUnavailable());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private ResponseEntity<JsonNode> fromGzone(String path, Supplier<ProblemException> notFound) {
		try {
			GzoneClient.Answer answer = gzone.get(path);
			if (answer.status() == 404) {
				throw notFound.get();
			}
			if (answer.status() != 200) {
				throw unavailable("the GZone answered " + answer.status());
			}
			return ResponseEntity.ok().header(ZonePayHeaders.SERVED_BY, answer.servedBy()).body(answer.body());
		}
		catch (IOException ex) {
			throw unavailable("the GZone cannot be reached (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted");
		}
	}

	private ProblemException unavailable(String why) {
		return new ProblemException(
				CommonProblem.STALE_GLOBAL_DATA, zone + " is " + state.staleness().toMillis() + " ms stale (bound "
						+ state.bound().toMillis() + " ms) and " + why,
				Map.of("zone", zone, "stalenessMs", state.staleness().toMillis()));
	}

	private static Counter fallbackCounter(MeterRegistry registry, String reason) {
		return Counter.builder("zonepay.czone.fallbacks")
			.description("Reads a CZone sent to the GZone")
			.tag("reason", reason)
			.register(registry);
	}

}
