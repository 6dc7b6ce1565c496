package io.zonepay.service.idempotency;

/** The response of a completed request, kept to be answered again, byte for byte, on a replay. */
record StoredResponse(int status, String contentType, String body) {
}
