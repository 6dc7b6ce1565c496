package io.zonepay.order.order;

import java.time.Instant;
import java.util.List;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.order.OrderProblem;
import io.zonepay.order.OrderWebMvcTest;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.zonepay.order.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/orders} and {@code /internal/orders/{id}} as their callers see them. */
@OrderWebMvcTest(OrderController.class)
class OrderControllerTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final MerchantId TEA_HOUSE = new MerchantId(9_001);

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	private static final String BODY = "{\"merchantId\": \"9001\", \"amount\": 3000, \"currency\": \"CNY\", "
			+ "\"description\": \" two teas \"}";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderService orders;

	@Test
	void anOrderIsCreatedWhereItsLocationSays() throws Exception {
		given(orders.place(ALICE, TEA_HOUSE, Money.of(3_000, "CNY"), "two teas")).willReturn(order());

		place("o1", BODY).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/2237"))
			.andExpect(jsonPath("$.orderId").value("2237"))
			.andExpect(jsonPath("$.merchantId").value("9001"))
			.andExpect(jsonPath("$.amount").value(3_000))
			.andExpect(jsonPath("$.status").value("CREATED"));
	}

	@Test
	void theServicesRefusalsAreAnsweredWithTheirCodes() throws Exception {
		given(orders.place(any(), any(), any(), any()))
			.willThrow(new ProblemException(OrderProblem.CURRENCY_MISMATCH, "paid in USD"));
		place("o1", BODY).andExpect(problem(422, "CURRENCY_MISMATCH"));

		willThrow(new ProblemException(OrderProblem.MERCHANT_INACTIVE, "suspended")).given(orders)
			.place(any(), any(), any(), any());
		place("o2", BODY).andExpect(problem(422, "MERCHANT_INACTIVE"));

		willThrow(new ProblemException(OrderProblem.AMOUNT_OUT_OF_RANGE, "limit")).given(orders)
			.place(any(), any(), any(), any());
		place("o3", BODY).andExpect(problem(400, "AMOUNT_OUT_OF_RANGE"));
	}

	@Test
	void anOrderInACurrencyZonePayDoesNotAcceptOrOfNoPositiveAmountIsRefusedBeforeAnythingHappens() throws Exception {
		place("o1", "{\"merchantId\": \"9001\", \"amount\": 3000, \"currency\": \"EUR\"}")
			.andExpect(problem(400, "UNKNOWN_CURRENCY"));
		place("o2", "{\"merchantId\": \"9001\", \"amount\": 0, \"currency\": \"CNY\"}")
			.andExpect(problem(400, "VALIDATION_FAILED"));
		place("o3", "{\"amount\": 3000, \"currency\": \"CNY\"}").andExpect(problem(400, "VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("merchantId"));
		place("o4", "{\"merchantId\": \"9001\", \"amount\": 3000, \"currency\": \"CNY\", \"description\": \""
				+ "x".repeat(201) + "\"}")
			.andExpect(problem(400, "VALIDATION_FAILED"));
		verifyNoInteractions(orders);
	}

	@Test
	void anOrderWithoutAnIdempotencyKeyOrABuyerIsRefused() throws Exception {
		place(null, BODY).andExpect(problem(400, "IDEMPOTENCY_KEY_MISSING"));
		mvc.perform(post("/api/orders").header("X-ZonePay-Caller", TestCallers.anonymous("POST", "/api/orders", null))
			.header("Idempotency-Key", "o1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY)).andExpect(problem(401, "UNAUTHENTICATED"));
		verifyNoInteractions(orders);
	}

	@Test
	void aUsersOrdersAreListedWithinTheLimit() throws Exception {
		given(orders.ofUser(ALICE, 20)).willReturn(List.of(order()));

		read(TestCallers.user(ALICE.value(), "GET", "/api/orders"), "/api/orders").andExpect(status().isOk())
			.andExpect(jsonPath("$.orders[0].orderId").value("2237"));
		read(TestCallers.user(ALICE.value(), "GET", "/api/orders"), "/api/orders?limit=101")
			.andExpect(problem(400, "VALIDATION_FAILED"));
		read(TestCallers.user(ALICE.value(), "GET", "/api/orders"), "/api/orders?limit=0")
			.andExpect(problem(400, "VALIDATION_FAILED"));
	}

	@Test
	void theInternalReadIsForZonePaysOwnServicesOnly() throws Exception {
		given(orders.find(any(), eq(new OrderId(2_237)))).willReturn(order());

		read(TestCallers.sign(Caller.system(), "GET", "/internal/orders/2237", null), "/internal/orders/2237")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value("9937"));
		read(TestCallers.user(ALICE.value(), "GET", "/internal/orders/2237"), "/internal/orders/2237")
			.andExpect(problem(403, "FORBIDDEN"));
	}

	@Test
	void aPaidOrderCannotBeCancelled() throws Exception {
		given(orders.cancel(any(), eq(new OrderId(2_237))))
			.willThrow(new ProblemException(OrderProblem.ORDER_NOT_CANCELLABLE, "paid"));

		mvc.perform(post("/api/orders/2237/cancel").header("X-ZonePay-Caller",
				TestCallers.user(ALICE.value(), "POST", "/api/orders/2237/cancel")))
			.andExpect(problem(409, "ORDER_NOT_CANCELLABLE"));
	}

	private static Order order() {
		return new Order(new OrderId(2_237), ALICE, TEA_HOUSE, Money.of(3_000, "CNY"), "two teas", AT);
	}

	private ResultActions place(String key, String body) throws Exception {
		var request = post("/api/orders")
			.header("X-ZonePay-Caller", TestCallers.user(ALICE.value(), "POST", "/api/orders"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
	}

	private ResultActions read(String caller, String uri) throws Exception {
		return mvc.perform(get(uri).header("X-ZonePay-Caller", caller));
	}

}
