package io.zonepay.service.deadline;

import java.util.function.Supplier;

import io.zonepay.kernel.deadline.Deadline;

import org.jspecify.annotations.Nullable;

/**
 * The deadline of the request a thread is serving, so that the calls it makes to the
 * zone's other services carry it on (narrowed to their own timeouts). Set by the deadline
 * filter for the length of one request.
 */
public final class Deadlines {

	private static final ThreadLocal<@Nullable Deadline> CURRENT = new ThreadLocal<>();

	private Deadlines() {
	}

	/**
	 * The current request's deadline; none outside a request or when its caller sent none
	 * (events, jobs).
	 */
	public static @Nullable Deadline current() {
		return CURRENT.get();
	}

	/**
	 * Does work on behalf of a request with this deadline (work handed to another thread,
	 * a test).
	 */
	public static <T> T within(Deadline deadline, Supplier<T> work) {
		Deadline previous = CURRENT.get();
		CURRENT.set(deadline);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	static void bind(Deadline deadline) {
		CURRENT.set(deadline);
	}

	static void clear() {
		CURRENT.remove();
	}

	private static void restore(@Nullable Deadline previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
