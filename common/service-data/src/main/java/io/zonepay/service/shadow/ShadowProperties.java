package io.zonepay.service.shadow;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shadow storage of an RZone service.
 *
 * @param enabled off: no shadow schema is used, and every shadow request or event is
 * refused (fail closed)
 * @param schema the schema of each shard group's database that holds shadow data
 * @param poolSize the most connections shadow work holds on one shard group's database at
 * once: a load test can never take the connections real work needs, and beyond this it
 * waits (bounded by the pool's timeout) or is refused
 */
@ConfigurationProperties("zonepay.shadow")
public record ShadowProperties(@Nullable Boolean enabled, @Nullable String schema, @Nullable Integer poolSize) {

	public ShadowProperties {
		enabled = enabled == null || enabled;
		schema = schema == null ? "shadow" : schema;
		poolSize = poolSize == null ? 4 : poolSize;
		if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("zonepay.shadow.schema must be a plain lower-case name, not " + schema);
		}
		if (poolSize < 1) {
			throw new IllegalArgumentException("zonepay.shadow.pool-size must be at least 1, not " + poolSize);
		}
	}

	/** Shadow storage on, as {@code schema}, with pools of {@code poolSize}. */
	public static ShadowProperties defaults() {
		return new ShadowProperties(null, null, null);
	}

	public boolean on() {
		return Boolean.TRUE.equals(enabled);
	}

}
