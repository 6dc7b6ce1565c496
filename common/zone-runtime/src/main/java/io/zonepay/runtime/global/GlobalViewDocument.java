package io.zonepay.runtime.global;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import io.zonepay.runtime.routing.RoutingTableDocument;

import org.jspecify.annotations.Nullable;

/**
 * What every reader keeps of global data: the routing table, the degrade switches, the
 * currencies, the risk policies and the risk signals about users and merchants, at the
 * version of the newest change among them (merchant changes do not move it). Served by
 * config-service at {@code GET /internal/global/view}; small enough to fetch whole
 * whenever the version moves.
 *
 * @param servedBy the zone that answered ({@code cz-hz}, or {@code gz} when the CZone had
 * to fall back)
 * @param sourceTime the GZone time up to which the data is known to be complete
 */
public record GlobalViewDocument(long version, String servedBy, @Nullable Instant sourceTime,
		RoutingTableDocument routing, Map<String, String> switches, List<CurrencyDocument> currencies,
		@Nullable RiskPolicies risk, @Nullable Map<String, RiskSignal> riskSignals) {

	public GlobalView toView() {
		return new GlobalView(version, routing.toRoutingTable(), new Switches(switches),
				currencies.stream()
					.filter(CurrencyDocument::enabled)
					.map(currency -> CurrencyCode.of(currency.code()))
					.collect(Collectors.toUnmodifiableSet()),
				risk == null ? RiskPolicies.none() : risk,
				riskSignals == null ? RiskSignals.none() : new RiskSignals(riskSignals));
	}

	/** A currency ZonePay knows, and whether payments may use it. */
	public record CurrencyDocument(String code, int minorDigits, boolean enabled) {
	}
}
