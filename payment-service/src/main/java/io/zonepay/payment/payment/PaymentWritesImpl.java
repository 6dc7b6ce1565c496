package io.zonepay.payment.payment;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.zonepay.kernel.id.PaymentId;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PaymentWrites} in SQL: an insert that gives way on any unique index, and an
 * update that only moves a PENDING payment. Both bump the version that JPA checks, so
 * that an entity read before either is refused when saved.
 */
class PaymentWritesImpl implements PaymentWrites {

	private final JdbcClient jdbc;

	PaymentWritesImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean insertIfAbsent(Payment payment) {
		return jdbc.sql("""
				insert into payments (id, order_id, user_id, merchant_id, amount, currency, status, failure_code,
				    refunded_amount, refunding_amount, request_key, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 0)
				on conflict do nothing
				""")
			.params(payment.id().value(), payment.orderId().value(), payment.userId().value(),
					payment.merchantId().value(), payment.amount().amount(), payment.amount().currency().code(),
					payment.status().name(), text(payment.failureCode()), text(payment.requestKey()),
					at(payment.createdAt()), at(payment.createdAt()))
			.update() == 1;
	}

	@Override
	public boolean decide(PaymentId paymentId, @Nullable FailureCode failure, Instant now) {
		return jdbc.sql("""
				update payments set status = ?, failure_code = ?, updated_at = ?, version = version + 1
				where id = ? and status = 'PENDING'
				""")
			.params(failure == null ? PaymentStatus.SUCCEEDED.name() : PaymentStatus.FAILED.name(),
					text(failure == null ? null : failure.name()), at(now), paymentId.value())
			.update() == 1;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A text that may be null, typed: left untyped, a null costs the driver a look-up of
	 * the parameter's type.
	 */
	private static SqlParameterValue text(@Nullable String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

}
