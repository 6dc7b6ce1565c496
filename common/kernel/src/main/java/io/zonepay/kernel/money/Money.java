package io.zonepay.kernel.money;

import java.util.Objects;

/**
 * An amount in minor units of one currency ({@code 1999 CNY} is 19.99 yuan). Arithmetic
 * fails loudly on overflow and on mixed currencies rather than producing a wrong number.
 */
public record Money(long amount, CurrencyCode currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(long amount, String currency) {
		return new Money(amount, CurrencyCode.of(currency));
	}

	public static Money zero(CurrencyCode currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(amount, other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(amount, other.amount), currency);
	}

	public Money negate() {
		return new Money(Math.negateExact(amount), currency);
	}

	public boolean isPositive() {
		return amount > 0;
	}

	public boolean isNegative() {
		return amount < 0;
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
		}
	}

	@Override
	public String toString() {
		return amount + " " + currency;
	}
}
