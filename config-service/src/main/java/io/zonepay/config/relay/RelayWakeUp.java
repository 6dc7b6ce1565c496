package io.zonepay.config.relay;

import io.zonepay.config.global.GlobalDataChanged;
import io.zonepay.runtime.PeriodicTask;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the relay when a write commits; a burst of writes costs one extra step, not one
 * each.
 */
class RelayWakeUp {

	private final PeriodicTask relay;

	RelayWakeUp(PeriodicTask relay) {
		this.relay = relay;
	}

	@TransactionalEventListener
	void committed(GlobalDataChanged change) {
		relay.trigger();
	}

}
