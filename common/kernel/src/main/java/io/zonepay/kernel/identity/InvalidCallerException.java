package io.zonepay.kernel.identity;

/** The caller header is missing, forged, expired, replayed or for another request. */
public class InvalidCallerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidCallerException(String reason) {
		super(reason, null, false, false);
	}

}
