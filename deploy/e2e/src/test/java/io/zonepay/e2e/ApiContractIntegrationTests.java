package io.zonepay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents the gateways serve against the API contract
 * (docs/api-contract.md, a copy of the shared one): every call of the contract is in some
 * document, every public call of a document is in the contract or named below with the
 * reason, and what a client relies on is said truly (typed answers, the required
 * Idempotency-Key, ids).
 */
class ApiContractIntegrationTests {

	/**
	 * The services behind each gateway, by the path of their document there;
	 * {@code gateway} is the gateway's own.
	 */
	static final Map<String, String> DOCUMENTS = Map.of("account", "/v3/api-docs/account", "order",
			"/v3/api-docs/order", "payment", "/v3/api-docs/payment", "config", "/v3/api-docs/config", "gateway",
			"/v3/api-docs");

	/**
	 * Calls of the contract no service has yet, and why; the test fails once one appears,
	 * so this list stays true.
	 */
	static final Map<String, String> NOT_YET_SERVED = Map.of();

	/**
	 * Public calls the services add to the contract, and why; the test fails once one
	 * goes, so this list stays true.
	 */
	static final Map<String, String> BEYOND_THE_CONTRACT = Map.ofEntries(
			Map.entry("GET /api/users/{}", "a user's own profile: the Location of POST /api/users"),
			Map.entry("GET /api/payments/{}/refunds/{}",
					"a refund: the Location of POST /api/payments/{paymentId}/refunds"),
			Map.entry("GET /api/global/routing", "the routing table as the city's copy of global data serves it"),
			Map.entry("GET /api/global/switches", "the degrade switches as the city's copy of global data serves them"),
			Map.entry("PUT /admin/currencies/{}", "operators accept or stop accepting a currency"),
			Map.entry("GET /admin/gzone", "the GZone's role, term and version, for the standby drill"),
			Map.entry("POST /admin/gzone/promote", "operators promote the standby GZone"),
			Map.entry("GET /admin/risk/policies", "the risk policies enforced and in shadow (architecture, 9)"),
			Map.entry("PUT /admin/risk/policies/{}", "operators enforce a risk policy or run one in shadow"),
			Map.entry("DELETE /admin/risk/policies/shadow", "operators stop the policy in shadow"),
			Map.entry("POST /admin/risk/policies/shadow/promote", "operators enforce the policy in shadow"),
			Map.entry("GET /admin/risk/signals", "the risk signals about users and merchants every zone shares"),
			Map.entry("PUT /admin/risk/signals/{}", "operators block or flag a user or a merchant in every zone"),
			Map.entry("POST /admin/risk/policies/backtest",
					"what a candidate policy would change over the stored decisions of every RZone"));

	/** The money-moving calls, which require an Idempotency-Key. */
	static final Set<String> MONEY_MOVING = Set.of("POST /api/users/{}/deposits", "POST /api/orders",
			"POST /api/payments", "POST /api/payments/{}/refunds", "POST /api/transfers");

	private static final Pattern CONTRACT_CALL = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)[^`]*`");

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static Map<String, JsonNode> documents = new TreeMap<>();

	@BeforeAll
	static void fetchTheDocuments() {
		zonepay = EndToEndTopology.get();
		DOCUMENTS.forEach((name, path) -> documents.put(name, document(zonepay.gateway("hz"), path)));
	}

	@Test
	void everyCallOfTheContractIsInADocument() {
		Set<String> documented = documentedCalls().keySet();

		assertThat(contractCalls())
			.allSatisfy(call -> assertThat(documented.contains(call) || NOT_YET_SERVED.containsKey(call))
				.as(call + " is in the contract but in no document")
				.isTrue());
		assertThat(NOT_YET_SERVED.keySet()).as("calls that are served now: take them off NOT_YET_SERVED")
			.doesNotContainAnyElementsOf(documented);
	}

	@Test
	void everyPublicCallOfADocumentIsInTheContract() {
		Set<String> contract = contractCalls();
		Map<String, String> documented = documentedCalls();

		assertThat(documented).allSatisfy(
				(call, document) -> assertThat(contract.contains(call) || BEYOND_THE_CONTRACT.containsKey(call))
					.as(call + " (" + document
							+ ") is not in the contract: add it there or to BEYOND_THE_CONTRACT with the reason")
					.isTrue());
		assertThat(BEYOND_THE_CONTRACT.keySet()).as("calls no document has any more")
			.allSatisfy(call -> assertThat(documented).containsKey(call));
		assertThat(documented.keySet()).as("nothing internal is published")
			.noneMatch(call -> call.contains(" /internal/"));
	}

	@Test
	void bothCitiesGatewaysServeTheSameDocuments() {
		DOCUMENTS.forEach((name, path) -> assertThat(calls(document(zonepay.gateway("sh"), path))).as(name)
			.isEqualTo(calls(documents.get(name))));
	}

	@Test
	void aPaymentAnswersItsViewNotAString() {
		JsonNode pay = operation("payment", "post", "/api/payments");

		assertThat(pay.get("responses").has("200")).as("no 200 of a string").isFalse();
		JsonNode view = schema("payment",
				pay.get("responses").get("201").get("content").get("application/json").get("schema"));
		assertThat(view.get("properties").propertyNames()).contains("paymentId", "orderId", "amount", "currency",
				"status", "failureCode");
		assertThat(view.get("required").toString()).contains("paymentId", "orderId", "amount", "currency", "status")
			.doesNotContain("failureCode");
		assertThat(pay.get("responses").get("201").get("headers").propertyNames()).contains("Location",
				"Idempotent-Replayed", "X-ZonePay-Zone");
		assertThat(codes(pay, "409")).contains("ORDER_ALREADY_PAID", "IDEMPOTENCY_KEY_IN_FLIGHT");
		assertThat(codes(pay, "422")).contains("IDEMPOTENCY_KEY_REUSED");
		assertThat(codes(pay, "400")).contains("IDEMPOTENCY_KEY_MISSING", "VALIDATION_FAILED");
		assertThat(codes(pay, "401")).containsExactly("UNAUTHENTICATED");
		assertThat(codes(pay, "503")).contains("ZONE_UNAVAILABLE");
	}

	@Test
	void everyMoneyMovingCallRequiresAnIdempotencyKeyAndNothingElseDoes() {
		documents.forEach((name, document) -> document.get("paths")
			.properties()
			.forEach(path -> path.getValue().properties().forEach(method -> {
				String call = method.getKey().toUpperCase() + " " + normalized(path.getKey());
				JsonNode key = parameter(method.getValue(), "Idempotency-Key");
				if (MONEY_MOVING.contains(call)) {
					assertThat(key).as(call + " names its Idempotency-Key").isNotNull();
					assertThat(key.get("required").asBoolean()).as(call + " requires its Idempotency-Key").isTrue();
					assertThat(key.get("in").asString()).isEqualTo("header");
				}
				else {
					assertThat(key).as(call + " takes no Idempotency-Key").isNull();
				}
				assertThat(parameter(method.getValue(), "caller"))
					.as(call + ": the caller is the gateway's, no parameter")
					.isNull();
			})));
	}

	@Test
	void idsAreStringsOfDigits() {
		JsonNode payment = operation("payment", "get", "/api/payments/{paymentId}");
		JsonNode id = parameter(payment, "paymentId").get("schema");
		assertThat(id.get("type").asString()).isEqualTo("string");
		assertThat(id.get("pattern").asString()).isEqualTo("^[0-9]{1,19}$");
		JsonNode view = schema("payment",
				payment.get("responses").get("200").get("content").get("application/json").get("schema"));
		assertThat(view.get("properties").get("paymentId").get("pattern").asString()).isEqualTo("^[0-9]{1,19}$");
		JsonNode transfer = schema("payment",
				operation("payment", "post", "/api/transfers").get("requestBody")
					.get("content")
					.get("application/json")
					.get("schema"));
		assertThat(transfer.get("properties").get("toUserId").get("pattern").asString()).isEqualTo("^[0-9]{1,19}$");
	}

	@Test
	void problemsAreRfc9457WithTheirCodes() {
		documents.forEach((name, document) -> document.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(method -> method.getValue()
					.get("responses")
					.properties()
					.stream()
					.filter(response -> response.getKey().matches("[45][0-9][0-9]"))
					.forEach(response -> {
						String where = name + " " + method.getKey() + " " + path.getKey() + " " + response.getKey();
						if (name.equals("gateway")) {
							return;
						}
						assertThat(response.getValue().get("content").propertyNames()).as(where)
							.containsExactly("application/problem+json");
						assertThat(codes(method.getValue(), response.getKey())).as(where).isNotEmpty();
					}))));
	}

	@Test
	void signingUpIsTheOneCallWithoutAToken() {
		documents.forEach((name, document) -> {
			if (!name.equals("gateway")) {
				assertThat(document.get("security").toString()).as(name).contains("bearer");
			}
		});
		assertThat(operation("account", "post", "/api/users").get("security").isEmpty()).isTrue();
		assertThat(operation("account", "post", "/api/users").get("responses").has("401")).isFalse();
	}

	/**
	 * Real answers, through a gateway, have the status, media type, members and headers
	 * their document gives them: no member the document does not name, none it requires
	 * missing.
	 */
	@Test
	void theDocumentsDescribeRealAnswers() {
		URI hz = zonepay.gateway("hz");
		String merchant = Merchants.open(http, zonepay, "Reading Room", "CNY", "ACTIVE");
		Http.Response signedUp = http.post(hz.resolve("/api/users"), null, Map.of(),
				"{\"name\": \"Reader\", \"shard\": 21}");
		describes("account", "post", "/api/users", signedUp);
		String user = signedUp.json().get("userId").asString();
		String token = http.token(hz, Long.parseLong(user), "user");
		Http.Response payee = http.post(hz.resolve("/api/users"), null, Map.of(),
				"{\"name\": \"Payee\", \"shard\": 77}");
		describes("account", "post", "/api/users/{userId}/deposits",
				http.post(hz.resolve("/api/users/" + user + "/deposits"), token, key(),
						"{\"amount\": 10000, \"currency\": \"CNY\"}"));
		describes("account", "get", "/api/users/{userId}", http.get(hz.resolve("/api/users/" + user), token));
		describes("account", "get", "/api/users/{userId}/balances",
				http.get(hz.resolve("/api/users/" + user + "/balances"), token));
		describes("account", "get", "/api/users/{userId}/ledger",
				http.get(hz.resolve("/api/users/" + user + "/ledger?limit=5"), token));

		Http.Response order = http.post(hz.resolve("/api/orders"), token, key(), "{\"merchantId\": \"" + merchant
				+ "\", \"amount\": 1200, \"currency\": \"CNY\", \"description\": \"a map\"}");
		describes("order", "post", "/api/orders", order);
		String orderId = order.json().get("orderId").asString();
		describes("order", "get", "/api/orders/{orderId}", http.get(hz.resolve("/api/orders/" + orderId), token));
		describes("order", "get", "/api/orders", http.get(hz.resolve("/api/orders?limit=5"), token));

		Http.Response payment = http.post(hz.resolve("/api/payments"), token, key(),
				"{\"orderId\": \"" + orderId + "\"}");
		describes("payment", "post", "/api/payments", payment);
		String paymentId = payment.json().get("paymentId").asString();
		describes("payment", "get", "/api/payments/{paymentId}",
				http.get(hz.resolve("/api/payments/" + paymentId), token));
		Http.Response refund = http.post(hz.resolve("/api/payments/" + paymentId + "/refunds"), token, key(),
				"{\"amount\": 200}");
		describes("payment", "post", "/api/payments/{paymentId}/refunds", refund);
		describes("payment", "get", "/api/payments/{paymentId}/refunds/{refundId}",
				http.get(hz.resolve(refund.header("Location")), token));
		Http.Response transfer = http.post(hz.resolve("/api/transfers"), token, key(), "{\"toUserId\": \""
				+ payee.json().get("userId").asString() + "\", \"amount\": 300, \"currency\": \"CNY\"}");
		describes("payment", "post", "/api/transfers", transfer);
		describes("payment", "get", "/api/transfers/{transferId}",
				http.get(hz.resolve(transfer.header("Location")), token));

		describes("config", "get", "/api/merchants/{merchantId}",
				http.get(hz.resolve("/api/merchants/" + merchant), token));
		describes("config", "get", "/api/global/watermark", http.get(hz.resolve("/api/global/watermark"), token));
		describes("config", "get", "/api/global/routing", http.get(hz.resolve("/api/global/routing"), token));
		describes("config", "get", "/api/global/switches", http.get(hz.resolve("/api/global/switches"), token));
		String admin = http.token(hz, 1, "admin");
		for (String path : List.of("/admin/routing", "/admin/zones", "/admin/switches", "/admin/gzone")) {
			describes("config", "get", path, http.get(hz.resolve(path), admin));
		}
		describes("payment", "post", "/api/payments",
				http.post(hz.resolve("/api/payments"), token, Map.of(), "{\"orderId\": \"" + orderId + "\"}"));
	}

	/**
	 * The answer is one its document gives the call: its status, media type, members and
	 * headers.
	 */
	static void describes(String document, String method, String path, Http.Response answer) {
		String call = method.toUpperCase() + " " + path;
		JsonNode response = operation(document, method, path).get("responses").get(Integer.toString(answer.status()));
		assertThat(response)
			.as(call + " answered " + answer.status() + " " + answer.body() + ": its document has no such answer")
			.isNotNull();
		String mediaType = String.valueOf(answer.header("Content-Type")).replaceFirst(";.*", "");
		JsonNode content = response.get("content").get(mediaType);
		assertThat(content)
			.as(call + " answered " + mediaType + ", its document " + response.get("content").propertyNames())
			.isNotNull();
		JsonNode schema = schema(document, content.get("schema"));
		if (schema.has("allOf")) {
			schema = schema(document, schema.get("allOf").get(0));
		}
		JsonNode body = answer.json();
		if (schema.has("properties")) {
			assertThat(schema.get("properties").propertyNames())
				.as(call + ": every member of " + body + " is documented")
				.containsAll(body.propertyNames());
		}
		if (schema.has("required")) {
			assertThat(body.propertyNames()).as(call + ": every required member is there")
				.containsAll(schema.get("required").valueStream().map(JsonNode::asString).toList());
		}
		if (response.has("headers")) {
			response.get("headers")
				.propertyNames()
				.stream()
				.filter(header -> Set.of("Location", "X-ZonePay-Zone", "X-ZonePay-Epoch", "X-ZonePay-Served-By")
					.contains(header))
				.forEach(header -> assertThat(answer.header(header)).as(call + " answers " + header).isNotNull());
		}
	}

	private static Map<String, String> key() {
		return Map.of("Idempotency-Key", UUID.randomUUID().toString());
	}

	/**
	 * {@code METHOD /path} of every call the contract lists, its path parameters as
	 * {@code {}}.
	 */
	static Set<String> contractCalls() {
		Set<String> calls = new TreeSet<>();
		Matcher call = CONTRACT_CALL.matcher(contract());
		while (call.find()) {
			calls.add(call.group(1) + " " + normalized(call.group(2)));
		}
		assertThat(calls).as("the contract's calls").hasSizeGreaterThan(20);
		return calls;
	}

	/** Every call of every document, with the document it is in. */
	static Map<String, String> documentedCalls() {
		Map<String, String> calls = new TreeMap<>();
		documents.forEach((name, document) -> calls(document).forEach(call -> calls.put(call, name)));
		return calls;
	}

	static Set<String> calls(JsonNode document) {
		Set<String> calls = new TreeSet<>();
		document.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.propertyNames()
				.forEach(method -> calls.add(method.toUpperCase() + " " + normalized(path.getKey()))));
		return calls;
	}

	static String normalized(String path) {
		return path.replaceAll("\\{[^}]*}", "{}");
	}

	static JsonNode operation(String document, String method, String path) {
		JsonNode operation = documents.get(document).get("paths").get(path).get(method);
		assertThat(operation).as(method + " " + path + " in " + document).isNotNull();
		return operation;
	}

	static JsonNode parameter(JsonNode operation, String name) {
		if (operation.get("parameters") == null) {
			return null;
		}
		for (JsonNode parameter : operation.get("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		return null;
	}

	/** The schema itself, where the document refers to a component. */
	static JsonNode schema(String document, JsonNode schema) {
		if (!schema.has("$ref")) {
			return schema;
		}
		String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
		return documents.get(document).get("components").get("schemas").get(name);
	}

	static List<String> codes(JsonNode operation, String status) {
		JsonNode response = operation.get("responses").get(status);
		assertThat(response).as("a " + status + " answer").isNotNull();
		JsonNode codes = response.get("content")
			.get("application/problem+json")
			.get("schema")
			.get("properties")
			.get("code")
			.get("enum");
		return codes.valueStream().map(JsonNode::asString).toList();
	}

	private static JsonNode document(URI gateway, String path) {
		Http.Response document = http.get(gateway.resolve(path), null);
		assertThat(document.status()).as(gateway + path + ": " + document.body()).isEqualTo(200);
		return document.json();
	}

	/**
	 * The contract as this repository keeps it: docs/api-contract.md, found from wherever
	 * the suite runs.
	 */
	static String contract() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path contract = directory.resolve("docs/api-contract.md");
			if (Files.isRegularFile(contract)) {
				try {
					return Files.readString(contract);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("no docs/api-contract.md above " + Path.of("").toAbsolutePath());
	}

}
