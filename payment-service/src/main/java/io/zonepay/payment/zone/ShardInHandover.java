package io.zonepay.payment.zone;

/**
 * The zone's other service does not hold the shard's lease at this moment (421): the
 * shard is moving to or from this zone. The outcome of the call is that nothing was done
 * there; the caller settles it as for an unreachable service, but the service's circuit
 * breaker does not count it.
 */
public class ShardInHandover extends ZoneUnreachable {

	private static final long serialVersionUID = 1L;

	ShardInHandover(String message) {
		super(message);
	}

}
