package io.zonepay.kernel.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.zone.Shard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallerSignerTests {

	private static final byte[] KEY = "a-test-key-that-is-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final CallerSigner signer = signerAt(NOW);

	private final Caller alice = Caller.user(new UserId(1237), Set.of(Role.USER));

	@Test
	void vouchesForTheCallerOfOneRequest() {
		String header = signer.sign(alice, "GET", "/api/users/1237/balances", null);
		CallerAssertion assertion = signer.verify(header, "GET", "/api/users/1237/balances");
		assertThat(assertion.caller()).isEqualTo(alice);
		assertThat(assertion.shard()).isNull();
		assertThat(assertion.expiresAt()).isEqualTo(NOW.plusSeconds(10));
		assertThat(assertion.traffic()).isEqualTo(Traffic.REAL);
	}

	@Test
	void vouchesForTheShadowTagOfALoadTest() {
		String header = signer.sign(alice, "POST", "/api/payments", null, Traffic.SHADOW);
		assertThat(signer.verify(header, "POST", "/api/payments").traffic()).isEqualTo(Traffic.SHADOW);
	}

	@Test
	void carriesTheShardChosenForANewUser() {
		String header = signer.sign(Caller.anonymous(), "POST", "/api/users", Shard.of(60));
		CallerAssertion assertion = signer.verify(header, "POST", "/api/users");
		assertThat(assertion.shard()).isEqualTo(Shard.of(60));
		assertThat(assertion.caller().user()).isNull();
	}

	@Test
	void oneSignerVouchesForManyThreadsAtOnce() {
		List<String> verified = IntStream.range(0, 2_000)
			.parallel()
			.mapToObj(i -> "/api/users/1237/orders/" + i)
			.filter(path -> signer.verify(signer.sign(alice, "GET", path, null), "GET", path).path().equals(path))
			.toList();
		assertThat(verified).hasSize(2_000);
	}

	@Test
	void refusesAnAssertionForAnotherRequest() {
		String header = signer.sign(alice, "GET", "/api/users/1237/balances", null);
		assertThatExceptionOfType(InvalidCallerException.class)
			.isThrownBy(() -> signer.verify(header, "GET", "/api/users/1238/balances"));
		assertThatExceptionOfType(InvalidCallerException.class)
			.isThrownBy(() -> signer.verify(header, "POST", "/api/users/1237/balances"));
	}

	@Test
	void refusesAnExpiredAssertion() {
		String header = signer.sign(alice, "GET", "/api/users/1237", null);
		assertThatExceptionOfType(InvalidCallerException.class)
			.isThrownBy(() -> signerAt(NOW.plusSeconds(10)).verify(header, "GET", "/api/users/1237"))
			.withMessageContaining("expired");
	}

	@Test
	void refusesAnAssertionSignedWithAnotherKey() {
		CallerSigner other = new CallerSigner(
				"another-key-that-is-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10),
				Clock.fixed(NOW, ZoneOffset.UTC));
		String header = other.sign(Caller.user(new UserId(1237), Set.of(Role.ADMIN)), "GET", "/api/users/1237", null);
		assertThatExceptionOfType(InvalidCallerException.class)
			.isThrownBy(() -> signer.verify(header, "GET", "/api/users/1237"))
			.withMessageContaining("signature");
	}

	@Test
	void refusesAPayloadThatWasEditedAfterSigning() {
		String[] parts = signer.sign(alice, "GET", "/api/users/1237", null).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("user",
				"admin");
		String forged = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
		assertThatExceptionOfType(InvalidCallerException.class)
			.isThrownBy(() -> signer.verify(forged, "GET", "/api/users/1237"));
	}

	@Test
	void refusesMissingAndMalformedHeaders() {
		assertThatExceptionOfType(InvalidCallerException.class).isThrownBy(() -> signer.verify(null, "GET", "/"));
		assertThatExceptionOfType(InvalidCallerException.class).isThrownBy(() -> signer.verify("v2.x", "GET", "/"));
		assertThatExceptionOfType(InvalidCallerException.class)
			.isThrownBy(() -> signer.verify("v2.!!!.???", "GET", "/"));
	}

	@Test
	void refusesShortKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CallerSigner(new byte[16], Duration.ofSeconds(10)));
	}

	@Test
	void replayGuardAcceptsEachAssertionOnce() {
		ReplayGuard guard = new ReplayGuard(10, Clock.fixed(NOW, ZoneOffset.UTC));
		CallerAssertion assertion = signer.verify(signer.sign(alice, "GET", "/x", null), "GET", "/x");
		guard.accept(assertion);
		assertThatExceptionOfType(InvalidCallerException.class).isThrownBy(() -> guard.accept(assertion))
			.withMessageContaining("already used");
	}

	@Test
	void replayGuardForgetsExpiredNoncesButNeverGrowsPastItsCapacity() {
		ReplayGuard guard = new ReplayGuard(2, Clock.fixed(NOW, ZoneOffset.UTC));
		guard.accept(new CallerAssertion(alice, "GET", "/", null, NOW.minusSeconds(1), "old"));
		guard.accept(new CallerAssertion(alice, "GET", "/", null, NOW.plusSeconds(5), "live"));
		guard.accept(new CallerAssertion(alice, "GET", "/", null, NOW.plusSeconds(5), "new"));
		assertThat(guard.size()).isEqualTo(2);
		assertThatExceptionOfType(InvalidCallerException.class).isThrownBy(
				() -> guard.accept(new CallerAssertion(alice, "GET", "/", null, NOW.plusSeconds(5), "one-too-many")));
	}

	private static CallerSigner signerAt(Instant now) {
		return new CallerSigner(KEY, Duration.ofSeconds(10), Clock.fixed(now, ZoneOffset.UTC));
	}

}
