package io.zonepay.kernel.id;

import java.util.Optional;

/**
 * Reads business ids as they travel: JSON strings and path segments of decimal digits.
 */
public final class BusinessId {

	/** {@link Long#MAX_VALUE} has 19 digits; anything longer cannot be an id. */
	private static final int MAX_DIGITS = 19;

	private BusinessId() {
	}

	/**
	 * The id a string names, or empty when it is not a positive 64-bit decimal number.
	 */
	public static Optional<Long> parse(String text) {
		if (text.isEmpty() || text.length() > MAX_DIGITS) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return Optional.empty();
			}
		}
		try {
			long id = Long.parseLong(text);
			return id > 0 ? Optional.of(id) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
