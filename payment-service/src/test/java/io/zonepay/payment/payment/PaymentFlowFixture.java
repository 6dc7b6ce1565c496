package io.zonepay.payment.payment;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.payment.risk.RiskFixtures;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.OrdersClient;
import io.zonepay.payment.zone.OrdersClient.OrderSnapshot;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalDataClient;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.global.MerchantDocument;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.zone.ZoneProperties;
import io.zonepay.testkit.TestClock;
import io.zonepay.testkit.TestRouting;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A real {@link PaymentFlow} (with real risk control, in memory) on in-memory payments
 * and a clock the test moves; only what lies outside payment-service is a mock:
 * order-service, the ledger, the CZone's merchants and the outbox.
 */
final class PaymentFlowFixture {

	static final ZoneId RZ1 = ZoneId.of("rz1");

	static final CurrencyCode CNY = CurrencyCode.of("CNY");

	/**
	 * Risk: at most 3 payments a minute per payer, none above 10 000; reconcile after 30
	 * s, 2 a run.
	 */
	final PaymentProperties properties = new PaymentProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 2);

	final TestClock clock = TestClock.at("2026-11-11T00:00:00Z");

	final InMemoryPayments payments = new InMemoryPayments();

	final OrdersClient orders = mock(OrdersClient.class);

	final LedgerClient ledger = mock(LedgerClient.class);

	final Outbox outbox = mock(Outbox.class);

	final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final GlobalDataClient czone = mock(GlobalDataClient.class);

	/**
	 * No merchant is kept in memory: each payment reads its merchant as the test last set
	 * it.
	 */
	final GlobalData global = new GlobalData(new RoutingTables(), czone, 10, Duration.ZERO);

	final PaymentFlow flow;

	PaymentFlowFixture() {
		TransactionTemplate transactions = mock(TransactionTemplate.class);
		given(transactions.execute(any()))
			.willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
		// A ledger that posts unless a test says otherwise, so that a payment let through
		// by mistake fails an assertion
		// on its status rather than on a missing answer.
		given(ledger.post(anyString(), any(), any(), anyList())).willReturn(LedgerClient.Settled.POSTED);
		flow = new PaymentFlow(payments, orders, ledger, global, RiskFixtures.blocking(3, 10_000), new IdGenerator(7),
				outbox, transactions, events, new SimpleMeterRegistry(),
				new ZoneProperties(RZ1, CityId.of("hz"), ShardGroupId.of("sg1")), clock);
		switches(Map.of());
	}

	/** The switches in force from now on, with CNY the one accepted currency. */
	void switches(Map<String, String> values) {
		global.offer(new GlobalView(global.version() + 1, TestRouting.evenly(1, "rz1", "rz2"), new Switches(values),
				Set.of(CNY)));
	}

	void merchant(MerchantId merchant, String status) {
		try {
			given(czone.merchant(merchant))
				.willReturn(Optional.of(new MerchantDocument(merchant.toString(), "Tea House", "CNY", status, 1)));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void order(OrderId order, UserId buyer, MerchantId merchant, long amount, String status) {
		given(orders.order(order))
			.willReturn(Optional.of(new OrderSnapshot(order, buyer, merchant, new Money(amount, CNY), status)));
	}

}
