package io.zonepay.service.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What every ZonePay document says about itself: title, conventions, server and security.
 */
final class ApiInfo {

	static final String BEARER = "bearer";

	private static final String CONVENTIONS = """
			Served through a city's gateway, which routes each call to the zone that serves its shard; the documents \
			of every service are at the gateway's /swagger-ui.html.

			- **Auth**: `Authorization: Bearer <JWT>` (sub = user id, roles user, admin or loadtest); only signing up \
			needs none. A caller reads and moves only its own money; someone else's resource is 404, as if it did not \
			exist. `/admin/**` needs the admin role.
			- **Ids** are strings of 1-19 decimal digits; `id % 100` is the owner's shard.
			- **Money**: `amount` is an integer of minor units, `currency` an ISO 4217 code the platform accepts.
			- **Idempotency**: every money-moving POST requires `Idempotency-Key`; a retry with the same key and body \
			answers the first answer again with `Idempotent-Replayed: true`.
			- **Errors** are RFC 9457 `application/problem+json` with a stable `code`. Besides those listed per \
			operation, the gateway may answer 502 ZONE_CONNECTION_LOST or 504 ZONE_TIMEOUT (the call may or may not \
			have been done: retry with the same Idempotency-Key) and 501 SHADOW_TRAFFIC_UNSUPPORTED to an \
			`X-ZonePay-Traffic: shadow` call.
			- `X-ZonePay-*` request headers other than `X-ZonePay-Traffic` belong to the gateway, which drops them \
			from clients.
			""";

	private ApiInfo() {
	}

	/**
	 * The title, the conventions, the gateway as the server and the bearer token every
	 * call but signing up needs.
	 */
	static void describe(OpenAPI api, String service) {
		api.info(new Info().title("ZonePay " + service)
			.version("1")
			.description(CONVENTIONS)
			.license(new License().name("Apache-2.0").identifier("Apache-2.0")));
		api.servers(List.of(new Server().url("/")
			.description("the gateway that served this document: every call goes through a city's gateway")));
		Components components = api.getComponents() == null ? new Components() : api.getComponents();
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("A JWT whose sub is the user id and whose roles claim holds user, admin or loadtest"
							+ " (POST /dev/token where it is on)"));
		api.components(components);
		api.security(List.of(new SecurityRequirement().addList(BEARER)));
	}

}
