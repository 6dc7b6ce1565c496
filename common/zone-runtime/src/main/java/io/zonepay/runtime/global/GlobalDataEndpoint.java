package io.zonepay.runtime.global;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.zonepay.kernel.risk.RiskPolicy;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/globaldata}: which version of global data this process acts on, and
 * its switches.
 */
@Endpoint(id = "globaldata")
public class GlobalDataEndpoint {

	private final GlobalData data;

	GlobalDataEndpoint(GlobalData data) {
		this.data = data;
	}

	@ReadOperation
	public Map<String, Object> globalData() {
		GlobalView view = data.view();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("version", data.version());
		if (view != null) {
			answer.put("epoch", view.routing().epoch());
			answer.put("switches", view.switches().asMap());
			answer.put("currencies",
					new TreeSet<>(view.currencies().stream().map(currency -> currency.code()).toList()));
			RiskPolicy enforced = view.risk().enforced();
			RiskPolicy shadow = view.risk().shadow();
			answer.put("riskPolicy", enforced == null ? "shipped" : enforced.version());
			answer.put("riskPolicyInShadow", shadow == null ? "none" : shadow.version());
			answer.put("riskSignals", view.signals().bySubject().size());
			answer.put("confirmedMsAgo", Math.min(data.sinceConfirmed().toMillis(), Long.MAX_VALUE));
		}
		return answer;
	}

}
