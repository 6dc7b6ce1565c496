package io.zonepay.gateway.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.netty.channel.ChannelOption;
import io.zonepay.gateway.GatewayProperties;
import io.zonepay.gateway.admission.ZoneLimiters;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.runtime.routing.RoutingTables;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /ops}: the war-room page, a static file that polls {@code GET /ops/state}
 * every second and draws with uPlot, served from its webjar by this gateway, so the page
 * needs nothing from the internet. The state holds operational facts only (zones, their
 * shards and status, the traffic of this gateway and its peers to each, water levels, the
 * routing epoch, each CZone's staleness), never user data or endpoints, so the page needs
 * no token; turn it off with {@code zonepay.gateway.ops.enabled=false} where even that is
 * too much. {@code GET /ops/traffic} is this gateway's own history, which its peers add
 * to theirs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zonepay.gateway.ops.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpsProperties.class)
class OpsRoutes {

	private static final String UPLOT = "META-INF/resources/webjars/uplot/";

	@Bean
	RouterFunction<ServerResponse> opsPage(RoutingTables tables, TrafficHistory history, WaterLevels waterLevels,
			ZoneLimiters limiters, CallerSigner signer, GatewayProperties gateway, OpsProperties properties,
			List<HttpClientCustomizer> customizers) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
			.responseTimeout(properties.timeout());
		// As the gateway's own client: how long a CZone's address is trusted, for one.
		for (HttpClientCustomizer customizer : customizers) {
			http = customizer.customize(http);
		}
		WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		String city = gateway.city().value();
		OpsState state = new OpsState(city, tables, history, waterLevels, limiters, signer, client, properties);
		String uplot = UPLOT + uplotVersion() + "/dist/";
		return RouterFunctions.route()
			.GET("/ops",
					request -> file(new ClassPathResource("ops/ops.html"), MediaType.TEXT_HTML, CacheControl.noCache()))
			.GET("/ops/uPlot.iife.min.js",
					request -> file(new ClassPathResource(uplot + "uPlot.iife.min.js"),
							MediaType.parseMediaType("text/javascript"), CacheControl.maxAge(Duration.ofHours(1))))
			.GET("/ops/uPlot.min.css",
					request -> file(new ClassPathResource(uplot + "uPlot.min.css"),
							MediaType.parseMediaType("text/css"), CacheControl.maxAge(Duration.ofHours(1))))
			.GET("/ops/state", request -> state.of(since(request)).flatMap(OpsRoutes::json))
			.GET("/ops/traffic", request -> json(history.snapshot(city, since(request), limiters.levels())))
			.build();
	}

	private static Mono<ServerResponse> file(ClassPathResource file, MediaType type, CacheControl cache) {
		return ServerResponse.ok().contentType(type).cacheControl(cache).bodyValue(file);
	}

	private static Mono<ServerResponse> json(Object body) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.bodyValue(body);
	}

	/**
	 * {@code ?since=<epoch second>}: only the seconds after it (a page that has the
	 * rest); anything else, all of them.
	 */
	static @Nullable Long since(ServerRequest request) {
		Optional<String> since = request.queryParam("since");
		if (since.isEmpty() || !since.get().matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.parseLong(since.get());
	}

	/** The version of the uPlot webjar on the classpath, from its Maven metadata. */
	private static String uplotVersion() {
		ClassPathResource metadata = new ClassPathResource("META-INF/maven/org.webjars.npm/uplot/pom.properties");
		try (InputStream in = metadata.getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the ops page draws with uPlot, whose webjar is not on the classpath", ex);
		}
	}

}
