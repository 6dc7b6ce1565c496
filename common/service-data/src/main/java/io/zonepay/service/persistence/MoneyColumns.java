package io.zonepay.service.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * {@link Money} as an entity stores it: minor units in {@code amount}, the ISO code in
 * {@code currency char(3)}. An entity embeds it ({@code @Embedded}) and says
 * {@code @AttributeOverride} where its columns are named otherwise; it shows the entity's
 * callers a {@link Money}, never this. It lives here, not beside {@link Money}, because
 * the kernel stays free of JPA.
 */
@Embeddable
public class MoneyColumns {

	@Column(name = "amount", nullable = false)
	private long amount;

	@Column(name = "currency", nullable = false, length = 3)
	@JdbcTypeCode(SqlTypes.CHAR)
	private String currency;

	protected MoneyColumns() {
		// for JPA
		this.currency = "";
	}

	private MoneyColumns(Money money) {
		this.amount = money.amount();
		this.currency = money.currency().code();
	}

	public static MoneyColumns of(Money money) {
		return new MoneyColumns(money);
	}

	public Money toMoney() {
		return new Money(amount, CurrencyCode.of(currency));
	}

}
