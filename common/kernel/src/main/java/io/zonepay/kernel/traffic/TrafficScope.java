package io.zonepay.kernel.traffic;

import org.jspecify.annotations.Nullable;

/**
 * The traffic the current thread works for: set for the length of a request, an event or
 * a background job's pass, and read wherever work leaves the thread (a database
 * connection, a call to another service, an event appended to the outbox). Unbound means
 * real: shadow work is always bound explicitly, so forgetting to bind can never turn real
 * work into shadow work, and every place that hands work to another thread binds it there
 * again ({@link #carried(Runnable)}).
 */
public final class TrafficScope {

	private static final ThreadLocal<@Nullable Traffic> CURRENT = new ThreadLocal<>();

	private TrafficScope() {
	}

	public static Traffic current() {
		Traffic traffic = CURRENT.get();
		return traffic == null ? Traffic.REAL : traffic;
	}

	public static boolean isShadow() {
		return current() == Traffic.SHADOW;
	}

	/** Binds the current thread to a traffic until the scope closes. */
	public static Scope enter(Traffic traffic) {
		Traffic previous = CURRENT.get();
		CURRENT.set(traffic);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/** Work for another thread that runs as the traffic of the thread handing it over. */
	public static Runnable carried(Runnable work) {
		Traffic traffic = current();
		return () -> {
			try (Scope ignored = enter(traffic)) {
				work.run();
			}
		};
	}

	/** A bound traffic; closing it restores what the thread had before. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
