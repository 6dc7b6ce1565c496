package io.zonepay.kernel.traffic;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whose traffic a unit of work is: real users' or a full-link load test's. Shadow work
 * reads and writes only shadow storage; it carries its tag through every hop (the
 * {@code X-ZonePay-Traffic} header, the signed caller assertion, the
 * {@value #KAFKA_HEADER} Kafka header) so the next hop keeps it apart too.
 */
public enum Traffic {

	REAL, SHADOW;

	/** The Kafka header of a shadow event; a real event carries none. */
	public static final String KAFKA_HEADER = "zonepay-traffic";

	/** {@code real} or {@code shadow}: header values, metric tags, log fields. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isShadow() {
		return this == SHADOW;
	}

	/**
	 * The traffic a header names: none is real, {@code shadow} is shadow.
	 * @throws IllegalArgumentException for any other value: a tag that cannot be read
	 * must not be taken for real traffic
	 */
	public static Traffic ofTag(@Nullable String tag) {
		if (tag == null || tag.isEmpty()) {
			return REAL;
		}
		return switch (tag) {
			case "shadow" -> SHADOW;
			case "real" -> REAL;
			default -> throw new IllegalArgumentException("traffic is 'shadow' or untagged, not '" + tag + "'");
		};
	}

}
