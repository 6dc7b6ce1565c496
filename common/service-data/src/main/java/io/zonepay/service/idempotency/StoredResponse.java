package io.zonepay.service.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The response of a completed request, kept to be answered again, byte for byte, on a
 * replay.
 *
 * @param location the {@code Location} it named (a 201's new resource), if any
 */
record StoredResponse(int status, String contentType, String body, @Nullable String location) {

	StoredResponse(int status, String contentType, String body) {
		this(status, contentType, body, null);
	}
}
