package io.zonepay.kernel.problem;

/** The problems every ZonePay service and gateway can answer with. */
public enum CommonProblem implements ProblemCode {

	VALIDATION_FAILED(400, "The request is not valid"), MALFORMED_REQUEST(400, "The request body cannot be read"),
	IDEMPOTENCY_KEY_MISSING(400, "This call needs an Idempotency-Key header"),
	UNKNOWN_CURRENCY(400, "ZonePay does not accept this currency"), UNAUTHENTICATED(401, "Authentication is required"),
	FORBIDDEN(403, "The caller may not do this"), NOT_FOUND(404, "No such resource"),
	METHOD_NOT_ALLOWED(405, "The method is not allowed on this resource"),
	NOT_ACCEPTABLE(406, "No acceptable representation; ask for application/json"),
	IDEMPOTENCY_KEY_IN_FLIGHT(409, "A request with this Idempotency-Key is still being processed"),
	PAYLOAD_TOO_LARGE(413, "The request body is too large"),
	UNSUPPORTED_MEDIA_TYPE(415, "The request body must be JSON"),
	WRONG_ZONE(421, "This zone does not serve the requested shard"),
	IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was used with a different request"),
	RATE_LIMITED(429, "Too many requests"), INTERNAL_ERROR(500, "Something went wrong on our side"),
	ZONE_UNAVAILABLE(503, "The zone that serves this request is unavailable"),
	OVERLOADED(503, "The platform is shedding load to protect itself; retry after the time it gives"),
	SERVICE_BUSY(503, "The service cannot take this request now; retry shortly"),
	DEADLINE_PASSED(503, "The caller stopped waiting before this request could start; nothing was done"),
	STALE_GLOBAL_DATA(503, "Global data is too stale to serve this request"),
	SHADOW_UNAVAILABLE(503, "Shadow (load-test) traffic cannot be kept apart from real data here; it was refused");

	private final int status;

	private final String title;

	CommonProblem(int status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public String code() {
		return name();
	}

	@Override
	public int status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}

}
