package io.zonepay.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.zone.Shard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateways, as an attacker would try it: forged, expired and unsigned tokens,
 * other users' data, admin calls, calls around the gateway, fields a client must not set,
 * ids that are not ids, oversized bodies. Each case must be refused with its problem
 * code, and nothing must change.
 */
class SecurityIntegrationTests {

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static Customer alice;

	static Customer mallory;

	static String merchant;

	static String aliceOrder;

	static String alicePayment;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		merchant = Merchants.open(http, zonepay, "Corner Shop", "CNY", "ACTIVE");
		alice = Customer.signUp(http, hz, 3);
		mallory = Customer.signUp(http, hz, 4);
		alice.deposit(10_000, "CNY");
		aliceOrder = alice.order(merchant, 1_000, "CNY");
		Http.Response paid = alice.pay(aliceOrder, "alice-pays-1");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		alicePayment = paid.json().get("paymentId").asString();
	}

	@Test
	void aCallWithoutATokenIsUnauthenticated() {
		expectProblem(http.get(hz.resolve("/api/users/" + alice.id() + "/balances"), null), 401, "UNAUTHENTICATED");
	}

	@Test
	void anExpiredTokenIsUnauthenticated() {
		expectProblem(balancesWith(sign(DevelopmentKeys.TOKEN_SIGNING_KEY, Instant.now().minus(Duration.ofHours(1)))),
				401, "UNAUTHENTICATED");
	}

	@Test
	void aTokenSignedWithAnotherKeyIsUnauthenticated() {
		expectProblem(
				balancesWith(
						sign("an-attacker's-own-key-long-enough-for-hs256", Instant.now().plus(Duration.ofHours(1)))),
				401, "UNAUTHENTICATED");
	}

	@Test
	void anUnsignedTokenWithAlgNoneIsUnauthenticated() {
		String none = new PlainJWT(claims(Instant.now().plus(Duration.ofHours(1)))).serialize();
		expectProblem(balancesWith(none), 401, "UNAUTHENTICATED");
	}

	@Test
	void aUserCannotReadAnotherUsersOrderPaymentOrLedger() {
		assertThat(mallory.get("/api/orders/" + aliceOrder).status()).isEqualTo(404);
		assertThat(mallory.get("/api/payments/" + alicePayment).status()).isEqualTo(404);
		assertThat(mallory.get("/api/users/" + alice.id() + "/ledger").status()).isEqualTo(404);
		assertThat(mallory.get("/api/users/" + alice.id() + "/balances").status()).isEqualTo(404);
	}

	@Test
	void aUserCannotPayOrRefundAnotherUsersOrder() {
		long before = alice.balance("CNY");
		assertThat(mallory.pay(aliceOrder, "mallory-pays").status()).isEqualTo(404);
		assertThat(mallory.refund(alicePayment, 1_000, "mallory-refunds").status()).isEqualTo(404);
		assertThat(alice.balance("CNY")).isEqualTo(before);
	}

	@Test
	void aUserCannotCallAdministration() {
		Http.Response merchant = http.post(hz.resolve("/admin/merchants"), http.token(hz, mallory.id(), "user"),
				Map.of(), "{\"name\": \"Mallory Ltd\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
		expectProblem(merchant, 403, "FORBIDDEN");
	}

	@Test
	void aServiceRefusesCallsWithoutAGatewaysAssertionOrWithAReplayedOrExpiredOne() {
		URI direct = zonepay.endpoint(zonepay.zoneOf(3), "account").resolve("/api/users/" + alice.id() + "/balances");
		String path = direct.getRawPath();
		Caller asAlice = Caller.user(new UserId(alice.id()), Set.of(Role.USER));

		assertThat(http.get(direct, null).status()).isEqualTo(401);
		String assertion = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
				Duration.ofSeconds(10))
			.sign(asAlice, "GET", path, Shard.of(3));
		assertThat(http.get(direct, null, assertion).status()).as("a fresh assertion, once").isEqualTo(200);
		assertThat(http.get(direct, null, assertion).status()).as("the same assertion again").isEqualTo(401);
		Clock lastHour = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
		String expired = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
				Duration.ofSeconds(10), lastHour)
			.sign(asAlice, "GET", path, Shard.of(3));
		assertThat(http.get(direct, null, expired).status()).isEqualTo(401);
	}

	@Test
	void fieldsAClientMustNotSetAreNeverApplied() {
		Http.Response order = mallory.placeOrder("mallory-order-1",
				"{\"merchantId\": \"" + merchant
						+ "\", \"amount\": 500, \"currency\": \"CNY\", \"status\": \"PAID\", \"userId\": \""
						+ alice.id() + "\", \"refundedAmount\": -500}");
		if (order.status() == 201) {
			assertThat(order.json().get("status").asString()).isEqualTo("CREATED");
			assertThat(order.json().get("userId").asString()).isEqualTo(Long.toString(mallory.id()));
			assertThat(order.json().get("refundedAmount").asLong()).isZero();
		}
		else {
			expectProblem(order, 400, "VALIDATION_FAILED");
		}
		Http.Response deposit = mallory.post("/api/users/" + mallory.id() + "/deposits", "mallory-deposit-1",
				"{\"amount\": 100, \"currency\": \"CNY\", \"balance\": 1000000000}");
		assertThat(deposit.status()).isIn(201, 400);
		assertThat(mallory.balance("CNY")).isEqualTo(deposit.status() == 201 ? 100 : 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-5", "0x10", "99999999999999999999", "1.5", "%20" })
	void idsThatAreNotIdsAreRefusedAsInvalid(String id) {
		expectProblem(alice.get("/api/orders/" + id), 400, "VALIDATION_FAILED");
	}

	@Test
	void anOversizedBodyIsRefusedAndNothingIsWritten() {
		long before = alice.balance("CNY");
		Http.Response deposit = alice.post("/api/users/" + alice.id() + "/deposits", "alice-big-deposit",
				"{\"amount\": 100, \"currency\": \"CNY\", \"note\": \"" + "x".repeat(64 * 1024) + "\"}");
		expectProblem(deposit, 413, "PAYLOAD_TOO_LARGE");
		assertThat(alice.balance("CNY")).isEqualTo(before);
	}

	private static Http.Response balancesWith(String token) {
		return http.get(hz.resolve("/api/users/" + alice.id() + "/balances"), token);
	}

	private static void expectProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

	private static String sign(String key, Instant expiry) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(expiry));
			jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims(Instant expiry) {
		return new JWTClaimsSet.Builder().subject(Long.toString(alice.id()))
			.claim("roles", List.of("user"))
			.expirationTime(Date.from(expiry))
			.build();
	}

}
