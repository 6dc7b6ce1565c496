package io.zonepay.order.order;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalDataClient;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.global.MerchantDocument;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.testkit.TestClock;
import io.zonepay.testkit.TestRouting;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * An order is for an active merchant, in the merchant's own currency, within the payment
 * limit; only its buyer sees it.
 */
class OrderServiceTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final MerchantId TEA_HOUSE = new MerchantId(9_001);

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	private final TestClock clock = TestClock.at("2026-11-11T00:00:00Z");

	private final Orders orders = mock(Orders.class);

	private final GlobalDataClient czone = mock(GlobalDataClient.class);

	private final GlobalData global = new GlobalData(new RoutingTables(), czone, 10, Duration.ZERO);

	private final OrderService service = new OrderService(orders, new IdGenerator(7), global, clock);

	OrderServiceTests() throws IOException, InterruptedException {
		merchant(TEA_HOUSE, "CNY", "ACTIVE");
		switches(Map.of("payments.maxAmount.CNY", "5000"));
	}

	@Test
	void placesAnOrderInTheBuyersShardAtTheClocksTime() {
		Order order = service.place(ALICE, TEA_HOUSE, new Money(5_000, CNY), "two teas");

		assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
		assertThat(order.id().shard()).isEqualTo(ALICE.shard());
		assertThat(order.createdAt()).isEqualTo(clock.instant());
		verify(orders).insert(order);
	}

	@Test
	void refusesAnAmountInAnotherCurrencyThanTheMerchants() {
		assertProblem(() -> service.place(ALICE, TEA_HOUSE, new Money(500, CurrencyCode.of("USD")), ""),
				"CURRENCY_MISMATCH", 422);
		verify(orders, never()).insert(any());
	}

	@Test
	void refusesAnInactiveOrUnknownMerchant() throws IOException, InterruptedException {
		merchant(TEA_HOUSE, "CNY", "SUSPENDED");
		assertProblem(() -> service.place(ALICE, TEA_HOUSE, new Money(500, CNY), ""), "MERCHANT_INACTIVE", 422);
		assertProblem(() -> service.place(ALICE, new MerchantId(9_099), new Money(500, CNY), ""), "MERCHANT_NOT_FOUND",
				422);
		verify(orders, never()).insert(any());
	}

	@Test
	void refusesAnAmountAboveThePaymentLimitOfItsCurrency() {
		assertProblem(() -> service.place(ALICE, TEA_HOUSE, new Money(5_001, CNY), ""), "AMOUNT_OUT_OF_RANGE", 400);
		verify(orders, never()).insert(any());
	}

	@Test
	void onlyItsBuyerAnOperatorOrZonePayItselfSeesAnOrder() {
		Order order = service.place(ALICE, TEA_HOUSE, new Money(500, CNY), "");
		given(orders.findById(order.id())).willReturn(Optional.of(order));

		assertThat(service.find(Caller.user(ALICE, Set.of(Role.USER)), order.id())).isSameAs(order);
		assertThat(service.find(new Caller(null, Set.of(Role.ADMIN)), order.id())).isSameAs(order);
		assertThat(service.find(Caller.system(), order.id())).isSameAs(order);
		assertProblem(() -> service.find(Caller.user(new UserId(6_612), Set.of(Role.USER)), order.id()),
				"ORDER_NOT_FOUND", 404);
		assertProblem(() -> service.find(Caller.user(ALICE, Set.of(Role.USER)), new OrderId(4_437)), "ORDER_NOT_FOUND",
				404);
	}

	@Test
	void onlyAnOrderNobodyPaidCanBeCancelled() {
		Caller alice = Caller.user(ALICE, Set.of(Role.USER));
		Order order = service.place(ALICE, TEA_HOUSE, new Money(500, CNY), "");
		given(orders.findById(order.id())).willReturn(Optional.of(order));

		clock.advance(Duration.ofMinutes(1));
		assertThat(service.cancel(alice, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
		verify(orders).update(order);
		assertProblem(() -> service.cancel(alice, order.id()), "ORDER_NOT_CANCELLABLE", 409);
	}

	private void merchant(MerchantId merchant, String currency, String status)
			throws IOException, InterruptedException {
		given(czone.merchant(merchant))
			.willReturn(Optional.of(new MerchantDocument(merchant.toString(), "Tea House", currency, status, 1)));
	}

	private void switches(Map<String, String> values) {
		global.offer(new GlobalView(global.version() + 1, TestRouting.evenly(1, "rz1", "rz2"), new Switches(values),
				Set.of(CNY, CurrencyCode.of("USD"))));
	}

	private static void assertProblem(ThrowingCallable call, String code, int status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo(code);
			assertThat(problem.problem().status()).isEqualTo(status);
		});
	}

}
