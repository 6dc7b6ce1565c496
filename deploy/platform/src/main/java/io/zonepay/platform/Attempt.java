package io.zonepay.platform;

import java.time.Duration;

/**
 * One request of a drill: when it was sent and answered (offsets on the drill's
 * {@link Timeline}), the original zone of the user it was for, which call it was, and
 * what came back (status 0: no answer).
 */
record Attempt(Duration sent, Duration answered, String zone, String call, int status, String code) {

	boolean succeeded() {
		return Answer.succeeded(status);
	}

	boolean failed() {
		return Answer.failed(status);
	}

	String label() {
		return Answer.label(status, code);
	}
}
