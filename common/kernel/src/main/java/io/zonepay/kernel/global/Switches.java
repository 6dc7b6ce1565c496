package io.zonepay.kernel.global;

import java.util.Map;
import java.util.TreeMap;

import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.zone.ZoneId;

/**
 * The degrade switches at one global version, with typed readers that fall back to each
 * switch's default. Services read these from their city's CZone; a flip at the GZone
 * reaches them within the replication bound.
 */
public record Switches(Map<String, String> values) {

	public Switches {
		values = Map.copyOf(values);
	}

	public static Switches none() {
		return new Switches(Map.of());
	}

	public RiskMode riskMode() {
		return RiskMode.valueOf(get("risk.mode", SwitchDefinition.RISK_MODE));
	}

	public boolean crossZoneTransfersEnabled() {
		return Boolean.parseBoolean(get("transfers.crossZone.enabled", SwitchDefinition.CROSS_ZONE_TRANSFERS));
	}

	public long maxPaymentAmount(CurrencyCode currency) {
		return Long.parseLong(get("payments.maxAmount." + currency.code(), SwitchDefinition.MAX_PAYMENT_AMOUNT));
	}

	public boolean acceptingPayments(ZoneId zone) {
		return Boolean
			.parseBoolean(get("zone." + zone.value() + ".acceptingPayments", SwitchDefinition.ZONE_ACCEPTING_PAYMENTS));
	}

	/** The zone's measured capacity in requests per second; 0 while unmeasured. */
	public long capacity(ZoneId zone) {
		return Long.parseLong(get("zone." + zone.value() + ".capacity", SwitchDefinition.ZONE_CAPACITY));
	}

	public boolean automaticFailover() {
		return Boolean.parseBoolean(get("failover.auto", SwitchDefinition.AUTOMATIC_FAILOVER));
	}

	public Map<String, String> asMap() {
		return new TreeMap<>(values);
	}

	private String get(String name, SwitchDefinition definition) {
		return values.getOrDefault(name, definition.defaultValue());
	}
}
