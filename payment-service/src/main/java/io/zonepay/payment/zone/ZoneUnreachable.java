package io.zonepay.payment.zone;

/**
 * A call to a service of the zone got no answer, or an answer that says the service could
 * not act (5xx).
 */
public class ZoneUnreachable extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ZoneUnreachable(String message, Throwable cause) {
		super(message, cause);
	}

	public ZoneUnreachable(String message) {
		super(message);
	}

}
