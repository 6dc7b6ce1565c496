package io.zonepay.payment.zone;

/**
 * The request this call serves has passed its deadline: its caller has stopped waiting,
 * so the call is not made (nor tried again). Nothing was sent; the service's circuit
 * breaker does not count it.
 */
class CallerGone extends ZoneUnreachable {

	private static final long serialVersionUID = 1L;

	CallerGone(String message) {
		super(message);
	}

}
