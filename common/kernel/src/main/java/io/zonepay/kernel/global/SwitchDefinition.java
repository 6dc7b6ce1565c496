package io.zonepay.kernel.global;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonepay.kernel.money.CurrencyCode;

/**
 * The degrade switches and limits ZonePay knows, by name pattern: which names exist, what
 * values they take, and what they are when nobody set them. A switch value is kept as
 * text ({@code FULL}, {@code true}, {@code 5000000}).
 */
public enum SwitchDefinition {

	/** {@link RiskMode}: how much risk checking payments get. */
	RISK_MODE("risk\\.mode", "FULL") {
		@Override
		String normalize(String value) {
			return RiskMode.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
		}
	},

	/** Whether users may send money to users of other zones. */
	CROSS_ZONE_TRANSFERS("transfers\\.crossZone\\.enabled", "true") {
		@Override
		String normalize(String value) {
			return bool(value);
		}
	},

	/**
	 * The largest payment, in minor units, per currency: {@code payments.maxAmount.CNY}.
	 */
	MAX_PAYMENT_AMOUNT("payments\\.maxAmount\\.([A-Z]{3})", "5000000") {
		@Override
		String normalize(String value) {
			long amount = Long.parseLong(value.strip());
			if (amount <= 0) {
				throw new IllegalArgumentException("a payment limit is a positive number of minor units");
			}
			return Long.toString(amount);
		}

		@Override
		boolean accepts(Matcher name) {
			return CurrencyCode.isValid(name.group(1));
		}
	},

	/** Whether a zone takes new payments: {@code zone.rz1.acceptingPayments}. */
	ZONE_ACCEPTING_PAYMENTS("zone\\.([a-z][a-z0-9-]{0,31})\\.acceptingPayments", "true") {
		@Override
		String normalize(String value) {
			return bool(value);
		}
	},

	/**
	 * A zone's measured capacity in requests per second ({@code zone.rz1.capacity}), as
	 * the Double-11 load test found it; 0 while unmeasured. The gateways set their limits
	 * and the operations page its water levels (load / capacity) from it.
	 */
	ZONE_CAPACITY("zone\\.([a-z][a-z0-9-]{0,31})\\.capacity", "0") {
		@Override
		String normalize(String value) {
			long capacity = Long.parseLong(value.strip());
			if (capacity < 0) {
				throw new IllegalArgumentException("a capacity is a number of requests per second, 0 or more");
			}
			return Long.toString(capacity);
		}
	},

	/** Whether the GZone moves a dead zone's shards to its standby by itself. */
	AUTOMATIC_FAILOVER("failover\\.auto", "true") {
		@Override
		String normalize(String value) {
			return bool(value);
		}
	};

	private final Pattern name;

	private final String defaultValue;

	SwitchDefinition(String name, String defaultValue) {
		this.name = Pattern.compile(name);
		this.defaultValue = defaultValue;
	}

	/** The definition a switch name belongs to, if ZonePay knows it. */
	public static Optional<SwitchDefinition> of(String switchName) {
		for (SwitchDefinition definition : values()) {
			Matcher matcher = definition.name.matcher(switchName);
			if (matcher.matches() && definition.accepts(matcher)) {
				return Optional.of(definition);
			}
		}
		return Optional.empty();
	}

	/**
	 * The canonical text of a value for a switch of this kind.
	 * @throws IllegalArgumentException when the value is not one this switch takes
	 */
	public String validate(String value) {
		try {
			return normalize(value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a value for " + this + ": " + hint(), ex);
		}
	}

	public String defaultValue() {
		return defaultValue;
	}

	abstract String normalize(String value);

	boolean accepts(Matcher name) {
		return true;
	}

	private String hint() {
		return switch (this) {
			case RISK_MODE -> "one of " + List.of(RiskMode.values());
			case MAX_PAYMENT_AMOUNT -> "a positive number of minor units";
			case ZONE_CAPACITY -> "a number of requests per second, 0 or more";
			default -> "true or false";
		};
	}

	private static String bool(String value) {
		String text = value.strip().toLowerCase(Locale.ROOT);
		if (!text.equals("true") && !text.equals("false")) {
			throw new IllegalArgumentException("not a boolean");
		}
		return text;
	}

}
