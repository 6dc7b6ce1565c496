package io.zonepay.gateway.docs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
import io.zonepay.gateway.GatewayProperties;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /v3/api-docs/account}, {@code /order}, {@code /payment} and {@code /config}:
 * each service's OpenAPI document, fetched from a live instance of the service behind
 * this gateway, for the Swagger UI at {@code /swagger-ui.html}. A document describes the
 * API, never anyone's data, so it needs no token, as the services' own do; the routes
 * answer GET only, and pass the document on unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class ApiDocsRoutes {

	/**
	 * Where a service's document is asked for: {@code /v3/api-docs} on the service's own
	 * port.
	 */
	static final String SERVICE_DOCUMENT = "/v3/api-docs";

	/**
	 * The services whose documents a gateway serves, and the kind of zone each runs in.
	 */
	static final Map<String, ZoneKind> SERVICES = Map.of("account", ZoneKind.RZONE, "order", ZoneKind.RZONE, "payment",
			ZoneKind.RZONE, "config", ZoneKind.GZONE);

	private static final Logger log = LoggerFactory.getLogger(ApiDocsRoutes.class);

	@Bean
	RouterFunction<ServerResponse> serviceDocuments(RoutingTables tables, GatewayProperties gateway,
			ApiDocsProperties properties, List<HttpClientCustomizer> customizers) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
			.responseTimeout(properties.timeout());
		for (HttpClientCustomizer customizer : customizers) {
			http = customizer.customize(http);
		}
		WebClient client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxSize().toBytes()))
			.build();
		RouterFunctions.Builder routes = RouterFunctions.route();
		SERVICES.keySet()
			.stream()
			.sorted()
			.forEach(service -> routes.GET(SERVICE_DOCUMENT + "/" + service,
					request -> document(service, candidates(tables.current(), service, gateway), client, properties)
						.flatMap(document -> ServerResponse.ok()
							.contentType(MediaType.APPLICATION_JSON)
							.cacheControl(CacheControl.noCache())
							.bodyValue(document))));
		return routes.build();
	}

	/**
	 * The first document a candidate answers with; each is asked in turn, for at most the
	 * timeout.
	 */
	private static Mono<String> document(String service, List<URI> candidates, WebClient client,
			ApiDocsProperties properties) {
		return Flux.fromIterable(candidates)
			.take(properties.attempts())
			.concatMap(endpoint -> client.get()
				.uri(endpoint.resolve(SERVICE_DOCUMENT))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.bodyToMono(String.class)
				.timeout(properties.timeout())
				.onErrorResume(failure -> {
					log.debug("No {} document from {}: {}", service, endpoint, failure.toString());
					return Mono.empty();
				}))
			.next()
			.switchIfEmpty(Mono.error(() -> new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"no " + service + "-service answered with its API document; retry shortly")));
	}

	/**
	 * Where a service runs, in the order to ask: for an RZone service the zones that are
	 * up, this city's first; for config-service the GZone that writes (whose document has
	 * the administration calls too), its standby, then the CZones, this city's first.
	 */
	static List<URI> candidates(@Nullable RoutingTable table, String service, GatewayProperties gateway) {
		if (table == null) {
			return List.of();
		}
		Comparator<Zone> nearFirst = Comparator.comparing((Zone zone) -> !zone.city().equals(gateway.city()))
			.thenComparing(zone -> zone.id().value());
		List<Zone> zones = new ArrayList<>();
		if (SERVICES.get(service) == ZoneKind.GZONE) {
			zones.addAll(table.gzones());
			table.zones().stream().filter(zone -> zone.kind() == ZoneKind.CZONE).sorted(nearFirst).forEach(zones::add);
		}
		else {
			table.zones()
				.stream()
				.filter(zone -> zone.kind() == ZoneKind.RZONE && zone.status() == ZoneStatus.UP)
				.sorted(nearFirst)
				.forEach(zones::add);
		}
		return zones.stream().flatMap(zone -> zone.endpoint(service).stream()).toList();
	}

}
