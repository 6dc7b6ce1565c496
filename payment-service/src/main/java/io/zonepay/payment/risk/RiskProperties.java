package io.zonepay.payment.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the zone's risk control finds what it runs.
 *
 * @param policy the policy shipped with the service, enforced until one is set at run
 * time
 * @param model the model (ONNX), its card beside it with the same name ending in
 * {@code .json}
 * @param lockTimeout how long a decision waits for the user's features while the user's
 * other requests hold them; past it {@code risk.mode} decides
 */
@ConfigurationProperties("zonepay.risk")
record RiskProperties(@DefaultValue("classpath:risk/policy-default.json") Resource policy,
		@DefaultValue("classpath:risk/model-logreg-1.onnx") Resource model,
		@DefaultValue("250ms") Duration lockTimeout) {
}
