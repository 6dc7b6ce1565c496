package io.zonepay.kernel.money;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency code such as {@code CNY}; which of them a deployment accepts is
 * GZone data.
 */
public record CurrencyCode(String code) {

	private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

	public CurrencyCode {
		if (!THREE_LETTERS.matcher(code).matches() || !isIso4217(code)) {
			throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
		}
	}

	public static CurrencyCode of(String code) {
		return new CurrencyCode(code);
	}

	public static boolean isValid(String code) {
		return THREE_LETTERS.matcher(code).matches() && isIso4217(code);
	}

	private static boolean isIso4217(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Digits after the decimal point: 2 for CNY, 0 for JPY. */
	public int minorUnitDigits() {
		return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
	}

	@Override
	public String toString() {
		return code;
	}
}
