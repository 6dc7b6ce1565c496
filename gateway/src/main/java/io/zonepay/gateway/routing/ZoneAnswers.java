package io.zonepay.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

/**
 * What this gateway sees of each zone on the request path: how many requests it has sent
 * that are still waiting, and for how long the zone has been <em>silent</em>: requests
 * waiting throughout, and not one answer from it. A busy zone answers slowly but answers;
 * a frozen or wedged one (SIGSTOP, a hung disk, a deadlock) accepts connections and
 * answers nothing. The GZone's supervisor asks every gateway for this, so that a zone
 * silent to the traffic it gets is told from a busy one in seconds rather than after many
 * missed health checks.
 */
@Component
public class ZoneAnswers {

	private final Map<String, Zone> zones = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	ZoneAnswers() {
		this(System::nanoTime);
	}

	ZoneAnswers(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	void sent(String zone) {
		zones.computeIfAbsent(zone, ignored -> new Zone()).sent(nanoTime.getAsLong());
	}

	/**
	 * @param answered whether the zone answered (any status): not a refused connection,
	 * not a timeout
	 */
	void ended(String zone, boolean answered) {
		Zone seen = zones.get(zone);
		if (seen != null) {
			seen.ended(nanoTime.getAsLong(), answered);
		}
	}

	/**
	 * Each zone this gateway has sent requests to: requests waiting, and milliseconds of
	 * silence (0 while it answers).
	 */
	public Map<String, View> view() {
		long now = nanoTime.getAsLong();
		Map<String, View> view = new LinkedHashMap<>();
		zones.forEach((zone, seen) -> view.put(zone, seen.view(now)));
		return view;
	}

	/** One zone as seen now. */
	public record View(int waiting, long silentMs) {
	}

	/**
	 * A few words of state per zone, under its own lock: a request costs two short
	 * critical sections.
	 */
	private static final class Zone {

		private int waiting;

		/** When requests began waiting (the count went from 0 to 1). */
		private long waitingSince;

		private long lastAnswer;

		synchronized void sent(long now) {
			if (waiting++ == 0) {
				waitingSince = now;
			}
		}

		synchronized void ended(long now, boolean answered) {
			waiting = Math.max(0, waiting - 1);
			if (answered) {
				lastAnswer = now;
			}
		}

		synchronized View view(long now) {
			if (waiting == 0) {
				return new View(0, 0);
			}
			long silentSince = Math.max(waitingSince, lastAnswer);
			return new View(waiting, Math.max(0, (now - silentSince) / 1_000_000));
		}

	}

}
