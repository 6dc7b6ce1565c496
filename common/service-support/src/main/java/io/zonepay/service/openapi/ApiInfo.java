package io.zonepay.service.openapi;

import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/** The title and the conventions every ZonePay document shares, as its description. */
final class ApiInfo {

	private static final String CONVENTIONS = """
			Served through a city's gateway, which routes each call to the zone that serves its shard; the documents of \
			every service are at the gateway's /swagger-ui.html.

			- **Auth**: `Authorization: Bearer <JWT>` (sub = user id, roles user, admin or loadtest); only signing up needs \
			none. A caller reads and moves only its own money; someone else's resource is 404, as if it did not exist. \
			`/admin/**` needs the admin role.
			- **Ids** are strings of 1-19 decimal digits; `id % 100` is the owner's shard.
			- **Money**: `amount` is an integer of minor units, `currency` an ISO 4217 code the platform accepts.
			- **Idempotency**: every money-moving POST requires `Idempotency-Key`; a retry with the same key and body answers \
			the first answer again with `Idempotent-Replayed: true`.
			- **Errors** are RFC 9457 `application/problem+json` with a stable `code`. Besides those listed per operation, \
			the gateway may answer 502 ZONE_CONNECTION_LOST or 504 ZONE_TIMEOUT (the call may or may not have been done: \
			retry with the same Idempotency-Key) and 501 SHADOW_TRAFFIC_UNSUPPORTED to an `X-ZonePay-Traffic: shadow` call.
			- `X-ZonePay-*` request headers other than `X-ZonePay-Traffic` belong to the gateway, which drops them from clients.
			""";

	private ApiInfo() {
	}

	static Info of(String service) {
		return new Info().title("ZonePay " + service)
			.version("1")
			.description(CONVENTIONS)
			.license(new License().name("Apache-2.0").identifier("Apache-2.0"));
	}
}
