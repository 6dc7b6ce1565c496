package io.zonepay.kernel.zone;

/** Whether a zone takes traffic. */
public enum ZoneStatus {

	/** Serving what the routing table gives it. */
	UP,

	/**
	 * Failed or fenced off: its shards are being or have been moved away, and it serves
	 * nothing.
	 */
	DOWN

}
