package io.zonepay.payment.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/** The policy the zone enforces: the one shipped with the service, until one is set. */
final class RiskPolicies implements Supplier<RiskPolicy> {

	private final RiskPolicy shipped;

	private RiskPolicies(RiskPolicy shipped) {
		this.shipped = shipped;
	}

	static RiskPolicies shipped(Resource policy, JsonMapper json) {
		try (InputStream text = policy.getInputStream()) {
			return new RiskPolicies(json.readValue(text, RiskPolicy.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the risk policy " + policy, ex);
		}
	}

	@Override
	public RiskPolicy get() {
		return shipped;
	}

}
