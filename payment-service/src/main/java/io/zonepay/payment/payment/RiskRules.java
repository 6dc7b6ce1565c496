package io.zonepay.payment.payment;

import java.time.Instant;
import java.util.Optional;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;

import org.springframework.stereotype.Component;

/**
 * A deliberately small rule set whose strength follows the {@code risk.mode} switch:
 * {@code FULL} applies the static rule and the per-user velocity rule, {@code RULES_ONLY}
 * the static rule alone (no look at history, for extreme load), {@code OFF} nothing.
 */
@Component
class RiskRules {

	private final Payments payments;

	private final PaymentProperties properties;

	RiskRules(Payments payments, PaymentProperties properties) {
		this.payments = payments;
		this.properties = properties;
	}

	Optional<FailureCode> judge(RiskMode mode, UserId userId, Money amount, Instant now) {
		if (mode == RiskMode.OFF) {
			return Optional.empty();
		}
		if (amount.amount() > properties.reviewAmount()) {
			return Optional.of(FailureCode.RISK_REJECTED);
		}
		if (mode == RiskMode.FULL && payments.countByUserSince(userId,
				now.minus(properties.velocityWindow())) >= properties.velocityMax()) {
			return Optional.of(FailureCode.RISK_REJECTED);
		}
		return Optional.empty();
	}

}
