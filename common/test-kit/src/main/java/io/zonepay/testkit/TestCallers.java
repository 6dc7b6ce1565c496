package io.zonepay.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.zone.Shard;

import org.jspecify.annotations.Nullable;

/**
 * Signs caller assertions the way a gateway does, with the development key, for tests
 * that call services directly.
 */
public final class TestCallers {

	private static final CallerSigner SIGNER = new CallerSigner(
			DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));

	private TestCallers() {
	}

	/** A header vouching that the given user makes this request. */
	public static String user(long userId, String method, String path) {
		return SIGNER.sign(Caller.user(new UserId(userId), Set.of(Role.USER)), method, path, null);
	}

	public static String admin(String method, String path) {
		return SIGNER.sign(new Caller(null, Set.of(Role.ADMIN)), method, path, null);
	}

	public static String anonymous(String method, String path, @Nullable Shard shard) {
		return SIGNER.sign(Caller.anonymous(), method, path, shard);
	}

	public static String sign(Caller caller, String method, String path, @Nullable Shard shard) {
		return SIGNER.sign(caller, method, path, shard);
	}

}
