package io.zonepay.kernel.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.zone.Shard;

import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies caller assertions with HMAC-SHA256 under a key the gateways and
 * services share.
 *
 * <p>
 * The header reads {@code v2.<payload>.<mac>}, both parts base64url. The payload binds
 * the caller to one method and path and expires quickly, so a header lifted from one
 * request is useless for another and soon useless at all; the nonce lets a
 * {@link ReplayGuard} refuse the same header twice within its lifetime.
 */
public final class CallerSigner {

	/** Keys shorter than the MAC's output weaken it. */
	public static final int MIN_KEY_BYTES = 32;

	private static final String VERSION = "v2";

	private static final String ALGORITHM = "HmacSHA256";

	private static final String NONE = "-";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/**
	 * Keyed once and copied for each MAC: finding the provider and keying a new one cost
	 * about half of a verification.
	 */
	private final Mac keyed;

	private final Clock clock;

	private final Duration lifetime;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param lifetime how long an assertion holds; verifiers refuse ones that claim to
	 * hold longer (clock skew aside)
	 */
	public CallerSigner(byte[] key, Duration lifetime, Clock clock) {
		if (key.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException(
					"the caller signing key needs at least " + MIN_KEY_BYTES + " bytes, not " + key.length);
		}
		this.keyed = keyed(new SecretKeySpec(key.clone(), ALGORITHM));
		this.lifetime = lifetime;
		this.clock = clock;
	}

	public CallerSigner(byte[] key, Duration lifetime) {
		this(key, lifetime, Clock.systemUTC());
	}

	/** A header value vouching that this caller makes this request, as real traffic. */
	public String sign(Caller caller, String method, String path, @Nullable Shard shard) {
		return sign(caller, method, path, shard, Traffic.REAL);
	}

	/** A header value vouching that this caller makes this request, as this traffic. */
	public String sign(Caller caller, String method, String path, @Nullable Shard shard, Traffic traffic) {
		byte[] nonce = new byte[12];
		random.nextBytes(nonce);
		CallerAssertion assertion = new CallerAssertion(caller, method, path, shard, clock.instant().plus(lifetime),
				ENCODER.encodeToString(nonce), traffic);
		String payload = ENCODER.encodeToString(encode(assertion).getBytes(StandardCharsets.UTF_8));
		return VERSION + "." + payload + "." + ENCODER.encodeToString(mac(payload));
	}

	/**
	 * Checks a header against the request it arrived with.
	 * @throws InvalidCallerException when the header is malformed, forged, expired, or
	 * for another request
	 */
	public CallerAssertion verify(@Nullable String header, String method, String path) {
		if (header == null || header.isEmpty()) {
			throw new InvalidCallerException("no caller assertion: requests must come through a gateway");
		}
		String[] parts = header.split("\\.", -1);
		if (parts.length != 3 || !parts[0].equals(VERSION)) {
			throw new InvalidCallerException("the caller assertion is not in the v2 format");
		}
		if (!MessageDigest.isEqual(mac(parts[1]), decode(parts[2]))) {
			throw new InvalidCallerException("the caller assertion's signature does not match");
		}
		CallerAssertion assertion = decodePayload(new String(decode(parts[1]), StandardCharsets.UTF_8));
		Instant now = clock.instant();
		if (!now.isBefore(assertion.expiresAt())) {
			throw new InvalidCallerException("the caller assertion expired at " + assertion.expiresAt());
		}
		if (assertion.expiresAt().isAfter(now.plus(lifetime).plus(lifetime))) {
			throw new InvalidCallerException("the caller assertion claims to hold for longer than assertions may");
		}
		if (!assertion.method().equals(method) || !assertion.path().equals(path)) {
			throw new InvalidCallerException("the caller assertion was issued for another request");
		}
		return assertion;
	}

	private static String encode(CallerAssertion assertion) {
		Caller caller = assertion.caller();
		String roles = caller.roles()
			.stream()
			.sorted(Comparator.naturalOrder())
			.map(Role::claim)
			.collect(Collectors.joining(","));
		return String.join("\n", caller.user() == null ? NONE : caller.user().toString(),
				roles.isEmpty() ? NONE : roles, assertion.method(), assertion.path(),
				assertion.shard() == null ? NONE : Integer.toString(assertion.shard().value()),
				Long.toString(assertion.expiresAt().toEpochMilli()), assertion.nonce(), assertion.traffic().tag());
	}

	private static CallerAssertion decodePayload(String payload) {
		String[] fields = payload.split("\n", -1);
		if (fields.length != 8) {
			throw new InvalidCallerException("the caller assertion has " + fields.length + " fields, not 8");
		}
		try {
			UserId user = fields[0].equals(NONE) ? null : new UserId(BusinessId.parse(fields[0]).orElseThrow());
			Set<Role> roles = fields[1].equals(NONE) ? Set.of()
					: java.util.Arrays.stream(fields[1].split(","))
						.map(Role::of)
						.collect(Collectors.toUnmodifiableSet());
			Shard shard = fields[4].equals(NONE) ? null : Shard.of(Integer.parseInt(fields[4]));
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(fields[5]));
			return new CallerAssertion(new Caller(user, roles), fields[2], fields[3], shard, expiresAt, fields[6],
					Traffic.ofTag(fields[7]));
		}
		catch (RuntimeException ex) {
			throw new InvalidCallerException("the caller assertion's payload cannot be read");
		}
	}

	private byte[] mac(String payload) {
		try {
			return ((Mac) keyed.clone()).doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("the JDK's HmacSHA256 can be copied", ex);
		}
	}

	private static Mac keyed(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static byte[] decode(String base64) {
		try {
			return DECODER.decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCallerException("the caller assertion is not base64url");
		}
	}

	public Duration lifetime() {
		return lifetime;
	}

}
