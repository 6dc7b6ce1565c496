package io.zonepay.service.openapi;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service's document as its clients need it, from a shop that answers like ZonePay's
 * services do.
 */
@WebMvcTest(controllers = ApiDocumentTests.Shop.class)
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocWebMvcConfiguration.class })
@Import({ ApiDocsConfiguration.class, ApiDocumentTests.Shop.class })
@TestPropertySource(properties = "spring.application.name=shop-service")
class ApiDocumentTests {

	static final ProblemCode ORDER_CLOSED = ProblemCode.of("ORDER_CLOSED", 409, "The order is closed");

	static final ProblemCode ORDER_NOT_FOUND = ProblemCode.of("ORDER_NOT_FOUND", 404, "No such order");

	private static final String PLACE = "$.paths['/api/orders'].post";

	@Autowired
	MockMvc mvc;

	@Test
	void anIdempotentPostAnswersItsTypedViewNotAString() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(PLACE + ".responses['201'].content['application/json'].schema['$ref']")
				.value("#/components/schemas/OrderView"))
			.andExpect(jsonPath(PLACE + ".responses['200']").doesNotExist())
			.andExpect(jsonPath(PLACE + ".responses['201'].headers.Location['$ref']")
				.value("#/components/headers/Location"))
			.andExpect(jsonPath(PLACE + ".responses['201'].headers.Idempotent-Replayed").exists())
			.andExpect(jsonPath(
					"$.paths['/api/orders/{orderId}'].get.responses['200'].content['application/json'].schema['$ref']")
				.value("#/components/schemas/OrderView"));
	}

	@Test
	void theIdempotencyKeyIsRequiredAndTheCallerIsNoParameter() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath(PLACE + ".parameters[?(@.name == 'Idempotency-Key')].required").value(hasItem(true)))
			.andExpect(jsonPath(PLACE + ".parameters[?(@.name == 'Idempotency-Key')].in").value(hasItem("header")))
			.andExpect(jsonPath("$..parameters[?(@.name == 'caller' || @.name == 'assertion')]").value(empty()))
			.andExpect(jsonPath("$.components.schemas.Caller").doesNotExist());
	}

	@Test
	void everyProblemAnOperationCanEndInIsListedWithItsCode() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath(
					PLACE + ".responses['409'].content['application/problem+json'].schema.properties.code.enum")
				.value(containsInAnyOrder("IDEMPOTENCY_KEY_IN_FLIGHT", "ORDER_CLOSED")))
			.andExpect(jsonPath(
					PLACE + ".responses['400'].content['application/problem+json'].schema.properties.code.enum")
				.value(hasItems("IDEMPOTENCY_KEY_MISSING", "VALIDATION_FAILED", "MALFORMED_REQUEST")))
			.andExpect(jsonPath(
					PLACE + ".responses['422'].content['application/problem+json'].schema.properties.code.enum")
				.value(hasItem("IDEMPOTENCY_KEY_REUSED")))
			.andExpect(jsonPath(
					PLACE + ".responses['401'].content['application/problem+json'].schema.properties.code.enum")
				.value(hasItem("UNAUTHENTICATED")))
			.andExpect(jsonPath(PLACE + ".responses['503'].headers.Retry-After").exists())
			.andExpect(jsonPath("$.paths['/api/orders/{orderId}'].get.responses['404']"
					+ ".content['application/problem+json'].schema.properties.code.enum")
				.value(containsInAnyOrder("ORDER_NOT_FOUND")))
			.andExpect(jsonPath("$.components.schemas.Problem.required")
				.value(hasItems("type", "title", "status", "code")));
	}

	@Test
	void idsAreStringsOfDigitsTypedOrNot() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.components.schemas.OrderView.properties.buyer.type").value("string"))
			.andExpect(jsonPath("$.components.schemas.OrderView.properties.buyer.pattern")
				.value(TypedIdSchemas.ID_PATTERN))
			.andExpect(jsonPath("$.components.schemas.OrderView.properties.orderId.pattern")
				.value(TypedIdSchemas.ID_PATTERN))
			.andExpect(
					jsonPath("$.paths['/api/orders/{orderId}'].get.parameters[?(@.name == 'orderId')].schema.pattern")
						.value(hasItem(TypedIdSchemas.ID_PATTERN)))
			.andExpect(jsonPath("$.components.schemas.NewOrder.properties.merchantId.pattern")
				.value(TypedIdSchemas.ID_PATTERN))
			.andExpect(jsonPath("$.components.schemas.UserId").doesNotExist());
	}

	@Test
	void whatIsAlwaysThereIsRequiredAndWhatMayBeNullSaysSo() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.components.schemas.OrderView.required")
				.value(containsInAnyOrder("orderId", "buyer", "amount")))
			.andExpect(jsonPath("$.components.schemas.OrderView.properties.note.type")
				.value(containsInAnyOrder("string", "null")));
	}

	@Test
	void signingUpNeedsNoTokenAndInternalCallsAreNotPublished() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.security[0].bearer").exists())
			.andExpect(jsonPath("$.paths['/api/shoppers'].post.security").value(empty()))
			.andExpect(jsonPath("$.paths['/api/shoppers'].post.responses['401']").doesNotExist())
			.andExpect(jsonPath("$.paths['/internal/orders/{orderId}']").doesNotExist())
			.andExpect(jsonPath("$.servers[0].url").value("/"))
			.andExpect(jsonPath("$.info.title").value("ZonePay shop-service"))
			.andExpect(jsonPath("$.paths['/api/orders'].post.tags").value(not(hasItem("shop-controller"))));
	}

	@Test
	void aDescriptionOfAnOperationTheServiceDoesNotHaveFailsTheDocument() {
		ApiDocument document = new ApiDocument("shop-service",
				List.of(ApiOperations.builder().problems("GET /api/nowhere", ORDER_NOT_FOUND).build()));

		assertThatIllegalStateException().isThrownBy(() -> document.customise(new OpenAPI().paths(new Paths())))
			.withMessageContaining("GET /api/nowhere");
	}

	@RestController
	static class Shop {

		@PostMapping("/api/orders")
		ResponseEntity<String> place(
				@RequestHeader(name = ZonePayHeaders.IDEMPOTENCY_KEY, required = false) @Nullable String key,
				@Valid @RequestBody NewOrder request, Caller caller) {
			return ResponseEntity.created(URI.create("/api/orders/1")).body("{}");
		}

		@GetMapping("/api/orders/{orderId}")
		OrderView order(@PathVariable String orderId, Caller caller) {
			return new OrderView(orderId, new UserId(1), 1, null);
		}

		@PostMapping("/api/shoppers")
		ResponseEntity<OrderView> signUp(@RequestBody NewOrder request, CallerAssertion assertion) {
			return ResponseEntity.status(201).body(new OrderView("1", new UserId(1), 1, null));
		}

		@GetMapping("/internal/orders/{orderId}")
		OrderView internal(@PathVariable String orderId, Caller caller) {
			return order(orderId, caller);
		}

	}

	record NewOrder(@NotNull @Pattern(regexp = "[0-9]{1,19}") String merchantId) {
	}

	record OrderView(String orderId, UserId buyer, long amount, @Nullable String note) {
	}

	/**
	 * The test's configuration: the shop's description, next to its controller as in a
	 * service.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ShopApi {

		@Bean
		ApiOperations shopOperations() {
			return ApiOperations.builder()
				.answers("POST /api/orders", 201, OrderView.class)
				.problems("POST /api/orders", ORDER_CLOSED)
				.problems("GET /api/orders/{orderId}", ORDER_NOT_FOUND)
				.answers("POST /api/shoppers", 201, OrderView.class)
				.withoutToken("POST /api/shoppers")
				.build();
		}

	}

}
