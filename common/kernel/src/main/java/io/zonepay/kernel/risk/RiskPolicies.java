package io.zonepay.kernel.risk;

import org.jspecify.annotations.Nullable;

/**
 * The risk policies global data carries: the one every zone enforces, and a candidate
 * evaluated beside it on every decision and recorded, not enforced (shadow mode). None
 * set at the GZone: each zone enforces the policy it ships with.
 */
public record RiskPolicies(@Nullable RiskPolicy enforced, @Nullable RiskPolicy shadow) {

	public static RiskPolicies none() {
		return new RiskPolicies(null, null);
	}

}
