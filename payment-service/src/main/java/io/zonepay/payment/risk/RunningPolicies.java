package io.zonepay.payment.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * What the zone runs from global data: the policies set at the GZone, as the city's CZone
 * last gave them (a change reaches every zone within the replication bound), until one is
 * set the policy shipped with the service; and the signals shared about users and
 * merchants, with how stale they may be.
 */
final class RunningPolicies {

	/** A day: older signals are as stale as a rule needs to know. */
	static final double MAX_AGE_SECONDS = 86_400;

	private final RiskPolicy shipped;

	private final Supplier<RiskPolicies> set;

	private final Supplier<RiskSignals> signals;

	private final Supplier<Duration> age;

	RunningPolicies(RiskPolicy shipped, Supplier<RiskPolicies> set, Supplier<RiskSignals> signals,
			Supplier<Duration> age) {
		this.shipped = shipped;
		this.set = set;
		this.signals = signals;
		this.age = age;
	}

	RunningPolicies(RiskPolicy shipped, Supplier<RiskPolicies> set) {
		this(shipped, set, RiskSignals::none, () -> Duration.ZERO);
	}

	/** Only the given policy, enforced, none in shadow, no signals: for tests. */
	static RunningPolicies only(RiskPolicy policy) {
		return new RunningPolicies(policy, RiskPolicies::none);
	}

	static RunningPolicies of(Resource shipped, JsonMapper json, GlobalData global) {
		return new RunningPolicies(read(shipped, json), () -> {
			GlobalView view = global.view();
			return view == null ? RiskPolicies.none() : view.risk();
		}, () -> {
			GlobalView view = global.view();
			return view == null ? RiskSignals.none() : view.signals();
		}, global::sinceConfirmed);
	}

	/**
	 * The shared signals about the request's parties, as features: the payer's, the
	 * merchant's or payee's, and their age in seconds.
	 */
	RiskFeatures signals(RiskRequest request) {
		RiskSignals known = signals.get();
		String counterparty = request.kind() == RiskRequest.Kind.PAYMENT ? RiskSignal.merchant(request.counterparty())
				: RiskSignal.user(request.counterparty());
		double seconds = Math.min(MAX_AGE_SECONDS, age.get().toMillis() / 1000.0);
		return RiskFeatures.builder()
			.put(RiskFeatures.PAYER_RISK, known.valueOf(RiskSignal.user(request.user().value())))
			.put(RiskFeatures.COUNTERPARTY_RISK, known.valueOf(counterparty))
			.put(RiskFeatures.SIGNALS_AGE_S, Math.round(seconds * 10) / 10.0)
			.build();
	}

	static RiskPolicy read(Resource policy, JsonMapper json) {
		try (InputStream text = policy.getInputStream()) {
			return json.readValue(text, RiskPolicy.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the risk policy " + policy, ex);
		}
	}

	/**
	 * The policies in force, read once: a decision's enforced policy and the candidate in
	 * shadow beside it come from one version of global data, even when a newer one
	 * arrives while it decides.
	 */
	InForce now() {
		RiskPolicies current = set.get();
		RiskPolicy enforced = current.enforced() == null ? shipped : current.enforced();
		RiskPolicy shadow = current.shadow();
		return new InForce(enforced, shadow == null || shadow.version().equals(enforced.version()) ? null : shadow);
	}

	/**
	 * The enforced policy and the candidate evaluated beside it, if one is set and
	 * differs.
	 */
	record InForce(RiskPolicy enforced, @Nullable RiskPolicy shadow) {
	}

}
