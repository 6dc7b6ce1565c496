package io.zonepay.runtime.global;

import java.util.Set;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskSignals;
import io.zonepay.kernel.zone.RoutingTable;

/** Global data at one version, as a reader uses it. */
public record GlobalView(long version, RoutingTable routing, Switches switches, Set<CurrencyCode> currencies,
		RiskPolicies risk, RiskSignals signals) {

	public GlobalView {
		currencies = Set.copyOf(currencies);
	}

	/**
	 * A view with no risk policy set (every zone enforces the one it ships with) and no
	 * risk signal.
	 */
	public GlobalView(long version, RoutingTable routing, Switches switches, Set<CurrencyCode> currencies) {
		this(version, routing, switches, currencies, RiskPolicies.none(), RiskSignals.none());
	}

	public boolean accepts(CurrencyCode currency) {
		return currencies.contains(currency);
	}
}
