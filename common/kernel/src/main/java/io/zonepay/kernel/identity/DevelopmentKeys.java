package io.zonepay.kernel.identity;

/**
 * Keys for the local platform and tests only, published here on purpose. Every process
 * refuses to start with them in the {@code prod} profile; real deployments take their
 * keys from a secret store.
 */
public final class DevelopmentKeys {

	/** Signs the caller assertions gateways hand to services. */
	public static final String CALLER_SIGNING_KEY = "zonepay-development-only-caller-signing-key-do-not-use";

	/** Signs and verifies the JWTs of the development token issuer. */
	public static final String TOKEN_SIGNING_KEY = "zonepay-development-only-token-signing-key-do-not-use";

	private DevelopmentKeys() {
	}

}
