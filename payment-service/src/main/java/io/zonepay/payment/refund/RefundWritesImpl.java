package io.zonepay.payment.refund;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import io.zonepay.payment.payment.PaymentStatus;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RefundWrites} in SQL: an update that only moves a PENDING refund, bumping the
 * version JPA checks.
 */
class RefundWritesImpl implements RefundWrites {

	private final JdbcClient jdbc;

	RefundWritesImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean decide(RefundId refundId, @Nullable String failure, Instant now) {
		return jdbc.sql("""
				update refunds set status = ?, failure_code = ?, updated_at = ?, version = version + 1
				where id = ? and status = 'PENDING'
				""")
			.params(failure == null ? PaymentStatus.SUCCEEDED.name() : PaymentStatus.FAILED.name(),
					// Typed: a null left untyped costs the driver a look-up of the
					// parameter's type.
					new SqlParameterValue(Types.VARCHAR, failure), now.atOffset(ZoneOffset.UTC), refundId.value())
			.update() == 1;
	}

}
