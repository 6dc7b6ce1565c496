package io.zonepay.kernel.risk;

import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A signal every zone shares about a user or a merchant, set at the GZone: how risky
 * operators or an upstream system judge it (0 to 1), and whether it is on the block list.
 * Zones read it from their city's CZone, so it carries the copy's staleness.
 *
 * @param reason why, for the person who reads a decision
 */
public record RiskSignal(double risk, boolean blocked, @Nullable String reason) {

	/** Who a signal is about: {@code user:1000031}, {@code merchant:42}. */
	public static final Pattern SUBJECT = Pattern.compile("(user|merchant):[1-9][0-9]{0,18}");

	public static final int MAX_REASON = 200;

	public RiskSignal {
		if (!(risk >= 0 && risk <= 1)) {
			throw new IllegalArgumentException("a risk is 0 to 1, not " + risk);
		}
		if (reason != null && reason.length() > MAX_REASON) {
			throw new IllegalArgumentException("a reason is at most " + MAX_REASON + " characters");
		}
	}

	public static String user(long id) {
		return "user:" + id;
	}

	public static String merchant(long id) {
		return "merchant:" + id;
	}

	/** The feature value: 1 when blocked, else the risk. */
	public double value() {
		return blocked ? 1 : risk;
	}

	/** Whether it says anything: a cleared signal is kept out of the zones' view. */
	public boolean present() {
		return blocked || risk > 0;
	}

	public static boolean isSubject(@Nullable String subject) {
		return subject != null && SUBJECT.matcher(Objects.requireNonNull(subject)).matches();
	}

}
