package io.zonepay.config.merchant;

/**
 * A merchant as global data carries it; readers see it with the version of its last
 * change.
 */
record Merchant(String merchantId, String name, String currency, String status) {
}
