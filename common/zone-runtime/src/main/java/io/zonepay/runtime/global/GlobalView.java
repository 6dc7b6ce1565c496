package io.zonepay.runtime.global;

import java.util.Set;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.zone.RoutingTable;

/** Global data at one version, as a reader uses it. */
public record GlobalView(long version, RoutingTable routing, Switches switches, Set<CurrencyCode> currencies) {

	public GlobalView {
		currencies = Set.copyOf(currencies);
	}

	public boolean accepts(CurrencyCode currency) {
		return currencies.contains(currency);
	}
}
