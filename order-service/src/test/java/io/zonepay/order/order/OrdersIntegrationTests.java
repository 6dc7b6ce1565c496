package io.zonepay.order.order;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.order.RunningOrderService;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Orders as the database keeps them: read back as they were written, changed only over
 * the version they were read at, and paid only from a payable status.
 */
@RunningOrderService
class OrdersIntegrationTests {

	/** rz1 serves shards 0-49 in the test routing table. */
	private static final Shard SHARD = Shard.of(17);

	private static final AtomicLong IDS = new AtomicLong(91_000);

	/** The database keeps microseconds. */
	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

	@Autowired
	Orders orders;

	@Autowired
	RoutingTables tables;

	@Autowired
	ShardScopes scopes;

	@BeforeEach
	void holdTheShard() {
		tables.offer(TestRouting.evenly(1, "rz1", "rz2"));
		// The database refuses writes for a shard until the zone holds its lease.
		await().atMost(Duration.ofSeconds(10)).until(() -> scopes.holds(SHARD));
	}

	@Test
	void anOrderIsReadBackAsItWasPlacedAndListedNewestFirst() {
		UserId buyer = new UserId(IDS.getAndIncrement() * 100 + SHARD.value());
		Order first = placed(buyer, 1_000);
		Order second = placed(buyer, 2_000);

		Order read = orders.findById(first.id()).orElseThrow();

		assertThat(read).usingRecursiveComparison().isEqualTo(first);
		assertThat(orders.ofUser(buyer, 20)).extracting(Order::id).containsExactly(second.id(), first.id());
		assertThat(orders.ofUser(buyer, 1)).extracting(Order::id).containsExactly(second.id());
		assertThat(orders.findById(new OrderId(IDS.getAndIncrement() * 100 + SHARD.value()))).isEmpty();
	}

	@Test
	void aChangeDecidedOnAnOrderThatChangedMeanwhileIsRefused() {
		Order order = placed(new UserId(IDS.getAndIncrement() * 100 + SHARD.value()), 1_000);
		Order mine = orders.findById(order.id()).orElseThrow();
		Order theirs = orders.findById(order.id()).orElseThrow();
		theirs.cancel(NOW);
		orders.update(theirs);

		mine.cancel(NOW);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> orders.update(mine));
		assertThat(orders.findById(order.id()).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void aPaymentIsWrittenOnlyOverAPayableStatus() {
		Order order = placed(new UserId(IDS.getAndIncrement() * 100 + SHARD.value()), 1_000);
		PaymentId payment = new PaymentId(5_117);

		assertThat(orders.markPaid(order.id(), payment, NOW)).isTrue();
		assertThat(orders.markPaid(order.id(), payment, NOW)).isFalse();
		assertThat(orders.markPaid(order.id(), new PaymentId(5_217), NOW)).isFalse();

		Order paid = orders.findById(order.id()).orElseThrow();
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.paymentId()).isEqualTo(payment);
		assertThat(paid.version()).isEqualTo(1);
		assertThat(orders.markPaid(new OrderId(IDS.getAndIncrement() * 100 + SHARD.value()), payment, NOW)).isFalse();
	}

	private Order placed(UserId buyer, long amount) {
		Order order = new Order(new OrderId(IDS.getAndIncrement() * 100 + SHARD.value()), buyer, new MerchantId(9_001),
				Money.of(amount, "CNY"), "two teas", NOW);
		orders.insert(order);
		return order;
	}

}
