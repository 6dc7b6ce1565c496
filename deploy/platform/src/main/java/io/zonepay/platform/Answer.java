package io.zonepay.platform;

import java.time.Duration;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * What one request got, as the client saw it: an HTTP status with the problem's
 * {@code code}, or no answer at all (status 0: timed out, refused or cut off, with the
 * exception's name as its code).
 */
record Answer(int status, String code, @Nullable Duration retryAfter, @Nullable JsonNode body) {

	static final int NO_ANSWER = 0;

	/**
	 * A 409 that means "the first request with this key is still running": the answer
	 * will come, ask again.
	 */
	private static final Set<String> STILL_RUNNING = Set.of("IDEMPOTENCY_KEY_IN_FLIGHT", "PAYMENT_IN_PROGRESS");

	static Answer none(Exception failure) {
		return new Answer(NO_ANSWER, failure.getClass().getSimpleName(), null, null);
	}

	static boolean succeeded(int status) {
		return status >= 200 && status < 300;
	}

	/**
	 * Whether the platform failed a request: a 5xx, no answer, or a
	 * {@code 421 WRONG_ZONE} the gateway could not settle (routing leaking to the
	 * client). A 4xx about the request itself (not enough money, invalid) is an answer.
	 */
	static boolean failed(int status) {
		return status == NO_ANSWER || status >= 500 || status == 421;
	}

	static String label(int status, String code) {
		return status == NO_ANSWER ? "no answer (" + code + ")" : (status + " " + code).strip();
	}

	boolean succeeded() {
		return succeeded(status);
	}

	/**
	 * Whether a careful client sends the same request again: after a failure, a 409 still
	 * running, or a 429.
	 */
	boolean worthRetrying() {
		return failed(status) || status == 429 || (status == 409 && STILL_RUNNING.contains(code));
	}

	String label() {
		return label(status, code);
	}

	/** A field of the JSON answer, which the caller knows a 2xx of this call carries. */
	String field(String name) {
		JsonNode value = body == null ? null : body.get(name);
		if (value == null || value.isNull()) {
			throw new IllegalStateException("the answer " + label() + " has no " + name + ": " + body);
		}
		return value.asString();
	}
}
