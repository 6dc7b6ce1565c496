package io.zonepay.kernel.zone;

import java.util.regex.Pattern;

/**
 * A group of zones close to each other, such as {@code hz}; calls between cities are
 * slow.
 */
public record CityId(String value) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public CityId {
		if (!NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"a city id is a lower-case name of at most 32 characters, not '" + value + "'");
		}
	}

	public static CityId of(String value) {
		return new CityId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
