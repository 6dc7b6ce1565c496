package io.zonepay.payment.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The policies the zone runs: the ones set at the GZone, as the city's CZone last gave
 * them (a change reaches every zone within the replication bound), and until one is set
 * the policy shipped with the service.
 */
final class RunningPolicies {

	private final RiskPolicy shipped;

	private final Supplier<RiskPolicies> set;

	RunningPolicies(RiskPolicy shipped, Supplier<RiskPolicies> set) {
		this.shipped = shipped;
		this.set = set;
	}

	/** Only the given policy, enforced, none in shadow: for tests. */
	static RunningPolicies only(RiskPolicy policy) {
		return new RunningPolicies(policy, RiskPolicies::none);
	}

	static RunningPolicies of(Resource shipped, JsonMapper json, GlobalData global) {
		return new RunningPolicies(read(shipped, json), () -> {
			GlobalView view = global.view();
			return view == null ? RiskPolicies.none() : view.risk();
		});
	}

	static RiskPolicy read(Resource policy, JsonMapper json) {
		try (InputStream text = policy.getInputStream()) {
			return json.readValue(text, RiskPolicy.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the risk policy " + policy, ex);
		}
	}

	RiskPolicy enforced() {
		RiskPolicy enforced = set.get().enforced();
		return enforced == null ? shipped : enforced;
	}

	/** The candidate evaluated beside the enforced policy, if one is set and differs. */
	@Nullable RiskPolicy shadow(RiskPolicy enforced) {
		RiskPolicy shadow = set.get().shadow();
		return shadow == null || shadow.version().equals(enforced.version()) ? null : shadow;
	}

}
