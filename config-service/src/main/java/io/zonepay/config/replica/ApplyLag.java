package io.zonepay.config.replica;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How long changes take from their commit at the GZone to their apply here. Feeds the
 * {@code zonepay.czone.apply.lag} timer for dashboards, and keeps an exact histogram
 * since its last reset for operators and benchmarks, who need p99.9 and max over one
 * precise window rather than a decaying one.
 */
final class ApplyLag {

	/** Lags are recorded in microseconds up to an hour, to three significant digits. */
	private static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1000;

	private final Timer timer;

	private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);

	private Histogram window = new Histogram(HIGHEST_MICROS, 3);

	ApplyLag(Timer timer) {
		this.timer = timer;
	}

	void record(Duration lag) {
		Duration bounded = lag.isNegative() ? Duration.ZERO : lag;
		timer.record(bounded);
		recorder.recordValue(Math.min(HIGHEST_MICROS, bounded.toNanos() / 1000));
	}

	/**
	 * Percentiles and max, in milliseconds, of every change applied since the last reset.
	 */
	synchronized Map<String, Object> summary() {
		window.add(recorder.getIntervalHistogram());
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", window.getTotalCount());
		summary.put("p50Ms", millis(window.getValueAtPercentile(50)));
		summary.put("p99Ms", millis(window.getValueAtPercentile(99)));
		summary.put("p999Ms", millis(window.getValueAtPercentile(99.9)));
		summary.put("maxMs", millis(window.getMaxValue()));
		return summary;
	}

	synchronized void reset() {
		recorder.reset();
		window = new Histogram(HIGHEST_MICROS, 3);
	}

	private static double millis(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}

}
