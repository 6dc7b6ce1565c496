package io.zonepay.bench.double11;

/** How an operation ended. */
sealed interface Outcome {

	/** It did what it asked. */
	record Succeeded() implements Outcome {
	}

	/**
	 * It was refused to protect a zone, with a Retry-After: by a gateway
	 * ({@code OVERLOADED}, {@code RATE_LIMITED}) or by the zone's service past its
	 * capacity ({@code SERVICE_BUSY}), each after the client's retries within its budget.
	 */
	record Shed(String code) implements Outcome {

		/**
		 * Whether nothing was done: a gateway's refusals are made before anything is
		 * sent; a zone's {@code SERVICE_BUSY} may also mean its caller's time ran out
		 * while the work went on (a later retry or the zone's reconciler settles it).
		 */
		boolean nothingDone() {
			return !code.equals("SERVICE_BUSY");
		}

	}

	/**
	 * It failed otherwise.
	 *
	 * @param code the problem's code, the payment's failure code, {@code TIMEOUT} or
	 * {@code IO}
	 * @param reachedZone whether a zone had it (a gateway did not shed it)
	 */
	record Failed(String code, boolean reachedZone) implements Outcome {
	}

}
