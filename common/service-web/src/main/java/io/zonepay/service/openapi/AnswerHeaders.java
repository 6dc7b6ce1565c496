package io.zonepay.service.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.zonepay.kernel.ZonePayHeaders;

import org.springframework.http.HttpHeaders;

/**
 * The headers of successful answers: the zone and epoch of every one, and those of
 * created and replayed answers.
 */
final class AnswerHeaders {

	private AnswerHeaders() {
	}

	static void register(Components components) {
		components.addHeaders(ZonePayHeaders.ZONE, header("the zone that served the request, such as rz1"));
		components.addHeaders(ZonePayHeaders.EPOCH,
				header("the routing epoch the zone served the request at").schema(Schemas.integer()));
		components.addHeaders(HttpHeaders.LOCATION, header("the path that GETs the created resource; on a replay too"));
		components.addHeaders(ZonePayHeaders.IDEMPOTENT_REPLAYED,
				header("true when this is the stored answer to an earlier request with the same Idempotency-Key"));
	}

	static void add(Operation operation, boolean idempotent, boolean located, List<ApiOperations.AnswerHeader> extra) {
		if (operation.getResponses() == null) {
			return;
		}
		operation.getResponses().forEach((status, response) -> {
			if (!status.startsWith("2") || response.get$ref() != null) {
				return;
			}
			response.addHeaderObject(ZonePayHeaders.ZONE, reference(ZonePayHeaders.ZONE));
			response.addHeaderObject(ZonePayHeaders.EPOCH, reference(ZonePayHeaders.EPOCH));
			if (located && (status.equals("201") || status.equals("202"))) {
				response.addHeaderObject(HttpHeaders.LOCATION, reference(HttpHeaders.LOCATION));
			}
			if (idempotent) {
				response.addHeaderObject(ZonePayHeaders.IDEMPOTENT_REPLAYED,
						reference(ZonePayHeaders.IDEMPOTENT_REPLAYED));
			}
			extra.forEach(header -> response.addHeaderObject(header.name(), header(header.description())));
		});
	}

	private static Header header(String description) {
		return new Header().description(description).schema(Schemas.string());
	}

	private static Header reference(String name) {
		return new Header().$ref("#/components/headers/" + name);
	}

}
