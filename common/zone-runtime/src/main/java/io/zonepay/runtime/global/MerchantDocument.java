package io.zonepay.runtime.global;

/**
 * A merchant as config-service serves it: {@code GET /api/merchants/{id}}.
 *
 * @param version the global version of the merchant's last change
 */
public record MerchantDocument(String merchantId, String name, String currency, String status, long version) {

	public boolean active() {
		return "ACTIVE".equals(status);
	}
}
