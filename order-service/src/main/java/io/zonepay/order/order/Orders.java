package io.zonepay.order.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders of this shard group, in SQL: each read and each write one statement. A
 * change the order decided is written over the version it was read at; a payment is
 * written without a read, by an update guarded by the statuses a payment moves an order
 * from.
 */
@Repository
class Orders {

	private static final String COLUMNS = "id, user_id, merchant_id, amount, currency, description, status,"
			+ " payment_id, refunded_amount, created_at, updated_at, version";

	/** The payable statuses as the guard of {@link #markPaid} names them. */
	private static final String[] PAYABLE = Order.PAYABLE.stream().map(OrderStatus::name).toArray(String[]::new);

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Order order) {
		jdbc.sql("insert into orders (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(order.id().value(), order.user().value(), order.merchantId().value(), order.amount().amount(),
					order.amount().currency().code(), order.description(), order.status().name(), id(order.paymentId()),
					order.refundedAmount(), at(order.createdAt()), at(order.updatedAt()), order.version())
			.update();
	}

	Optional<Order> findById(OrderId id) {
		return jdbc.sql("select " + COLUMNS + " from orders where id = ?")
			.param(id.value())
			.query(Orders::order)
			.optional();
	}

	/** A buyer's orders, newest first. */
	List<Order> ofUser(UserId buyer, int limit) {
		return jdbc.sql("select " + COLUMNS + " from orders where user_id = ? order by id desc limit ?")
			.params(buyer.value(), limit)
			.query(Orders::order)
			.list();
	}

	/**
	 * Writes what the order's methods changed.
	 * @throws OptimisticLockingFailureException when the order changed since it was read
	 */
	void update(Order order) {
		int updated = jdbc.sql("""
				update orders set status = ?, payment_id = ?, refunded_amount = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(order.status().name(), id(order.paymentId()), order.refundedAmount(), at(order.updatedAt()),
					order.id().value(), order.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"order " + order.id() + " changed since it was read at version " + order.version());
		}
	}

	/**
	 * Pays the order if its status is one a payment moves it from ({@link Order#PAYABLE})
	 * as the row is now, as {@link Order#markPaid} would. Answers whether it did; when
	 * not, the order as it is says why.
	 */
	boolean markPaid(OrderId id, PaymentId payment, Instant now) {
		return jdbc.sql("""
				update orders set status = ?, payment_id = ?, updated_at = ?, version = version + 1
				where id = ? and status = any(?::varchar[])
				""").params(OrderStatus.PAID.name(), payment.value(), at(now), id.value(), PAYABLE).update() == 1;
	}

	private static Order order(ResultSet row, int number) throws SQLException {
		long payment = row.getLong("payment_id");
		PaymentId paymentId = row.wasNull() ? null : new PaymentId(payment);
		return new Order(new OrderId(row.getLong("id")), new UserId(row.getLong("user_id")),
				new MerchantId(row.getLong("merchant_id")),
				new Money(row.getLong("amount"), CurrencyCode.of(row.getString("currency"))),
				row.getString("description"), OrderStatus.valueOf(row.getString("status")), paymentId,
				row.getLong("refunded_amount"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * An id that may be null, typed: left untyped, a null costs the driver a look-up of
	 * the parameter's type.
	 */
	private static SqlParameterValue id(@Nullable PaymentId id) {
		return new SqlParameterValue(Types.BIGINT, id == null ? null : id.value());
	}

}
