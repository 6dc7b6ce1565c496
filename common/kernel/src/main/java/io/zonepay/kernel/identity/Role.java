package io.zonepay.kernel.identity;

import java.util.Locale;

/** What a caller may do; tokens carry roles in lower case. */
public enum Role {

	/** A customer acting on their own money. */
	USER,

	/** An operator: may read anything and call {@code /admin/**}. */
	ADMIN,

	/** May send tagged shadow traffic for full-link load tests. */
	LOADTEST,

	/** A ZonePay process calling another one, not on behalf of a user. */
	SYSTEM;

	public static Role of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

	public String claim() {
		return name().toLowerCase(Locale.ROOT);
	}

}
