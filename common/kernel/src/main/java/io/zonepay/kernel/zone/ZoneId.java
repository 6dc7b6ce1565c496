package io.zonepay.kernel.zone;

import java.util.regex.Pattern;

/** The name of a zone: {@code rz1}, {@code gz}, {@code cz-hz}. */
public record ZoneId(String value) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public ZoneId {
		if (!NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"a zone id is a lower-case name of at most 32 characters, not '" + value + "'");
		}
	}

	public static ZoneId of(String value) {
		return new ZoneId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
