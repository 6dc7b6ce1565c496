package io.zonepay.gateway.docs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway's own OpenAPI document, at {@code /v3/api-docs}: the one call it answers
 * itself, {@code POST /dev/token}, where the development issuer is on. Everything else it
 * routes; the services' documents say what.
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocument {

	static final String DEV_TOKEN = "/dev/token";

	@Bean
	OpenApiCustomizer gatewayOwnDocument(Environment environment) {
		boolean devIssuer = environment.getProperty("zonepay.gateway.tokens.dev-issuer", Boolean.class, false);
		return api -> {
			api.info(new Info().title("ZonePay gateway").version("1").description("""
					What a gateway answers itself. Every other call it authenticates and routes to the \
					zone that serves it: \
					see the services' documents (the definition list above)."""));
			api.servers(List.of(new Server().url("/").description("this gateway")));
			Paths paths = new Paths();
			if (devIssuer) {
				paths.addPathItem(DEV_TOKEN, new PathItem().post(devToken()));
			}
			api.paths(paths);
			api.components(new Components());
		};
	}

	private static Operation devToken() {
		Schema<Object> request = object();
		request.addProperty("sub", string().pattern("^[0-9]{1,19}$").description("the user id the token is for"));
		Schema<Object> role = string();
		List.of("user", "admin", "loadtest").forEach(role::addEnumItemObject);
		Schema<Object> roles = typed("array");
		roles.setItems(role);
		request.addProperty("roles", roles);
		request.setRequired(List.of("sub", "roles"));
		Schema<Object> token = object();
		token.addProperty("token", string().description("a signed JWT: send it as Authorization: Bearer <token>"));
		token.setRequired(List.of("token"));
		return new Operation().operationId("devToken")
			.tags(List.of("development"))
			.summary("A token for any user and roles, on a local platform or in tests only")
			.description("Exists only when the development issuer is on (zonepay.gateway.tokens.dev-issuer); a gateway"
					+ " refuses to start with it in the prod profile.")
			.requestBody(new RequestBody().required(true).content(json(request)))
			.responses(
					new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(json(token)))
						.addApiResponse("400",
								new ApiResponse().description("VALIDATION_FAILED (The request is not valid)")
									.content(new Content().addMediaType(
											org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
											new MediaType().schema(object())))));
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
				new MediaType().schema(schema));
	}

	private static Schema<Object> object() {
		return typed("object");
	}

	private static Schema<Object> string() {
		return typed("string");
	}

	/** Typed for OpenAPI 3.0 and 3.1 alike. */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.addType(type);
		return schema;
	}

}
