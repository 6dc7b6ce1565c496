package io.zonepay.config.global;

import java.util.Set;

/**
 * A write to global data up to {@code version}, of entities of these kinds. Published
 * inside the writing transaction; listeners use {@code @TransactionalEventListener} so
 * they only ever see committed versions.
 */
public record GlobalDataChanged(long version, Set<GlobalKind> kinds) {

	public GlobalDataChanged {
		kinds = Set.copyOf(kinds);
	}

	/**
	 * Whether readers' views change: anything but merchants, which readers look up one at
	 * a time.
	 */
	public boolean touchesView() {
		return kinds.stream().anyMatch(GlobalKind::inView);
	}
}
