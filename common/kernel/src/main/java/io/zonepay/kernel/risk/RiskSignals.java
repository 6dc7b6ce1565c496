package io.zonepay.kernel.risk;

import java.util.Map;

/**
 * The signals every zone shares, by subject ({@code user:1000031}, {@code merchant:42});
 * a subject with none has risk 0.
 */
public record RiskSignals(Map<String, RiskSignal> bySubject) {

	/**
	 * Enough for a block list a person keeps; a bound on what every zone holds and every
	 * view carries.
	 */
	public static final int MAX = 10_000;

	public RiskSignals {
		bySubject = Map.copyOf(bySubject);
	}

	public static RiskSignals none() {
		return new RiskSignals(Map.of());
	}

	/** The feature value of a subject: 1 when blocked, else its risk, 0 without one. */
	public double valueOf(String subject) {
		RiskSignal signal = bySubject.get(subject);
		return signal == null ? 0 : signal.value();
	}

}
