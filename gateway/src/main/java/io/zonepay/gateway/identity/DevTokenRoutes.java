package io.zonepay.gateway.identity;

import java.util.List;
import java.util.Map;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /dev/token}: a signed token for any user id and roles; exists only when the
 * development issuer is on.
 */
@Configuration(proxyBeanMethods = false)
class DevTokenRoutes {

	@Bean
	@ConditionalOnBooleanProperty("zonepay.gateway.tokens.dev-issuer")
	RouterFunction<ServerResponse> devTokenRoute(DevTokens tokens) {
		return RouterFunctions.route()
			.POST("/dev/token",
					request -> request.bodyToMono(TokenRequest.class)
						.switchIfEmpty(Mono.error(new ProblemException(CommonProblem.VALIDATION_FAILED,
								"send {\"sub\": \"<userId>\", \"roles\": [\"user\"]}")))
						.map(body -> tokens.issue(body.sub(), body.roles()))
						.flatMap(token -> ServerResponse.ok()
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(Map.of("token", token))))
			.build();
	}

	record TokenRequest(@Nullable String sub, @Nullable List<String> roles) {
	}

}
