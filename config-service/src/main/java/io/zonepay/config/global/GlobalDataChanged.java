package io.zonepay.config.global;

/**
 * A write to global data, published inside its transaction; listeners that act on it use
 * {@code @TransactionalEventListener} so they only ever see committed versions.
 */
public record GlobalDataChanged(long version) {
}
