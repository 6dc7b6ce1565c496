package io.zonepay.gateway.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.problem.CommonProblem;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides who calls, before anything is routed: a valid bearer token, or nobody for the
 * one public call (signing up). Administration needs the admin role, everything else the
 * user role (or admin, who may read anything), and the load-test traffic tag the loadtest
 * role. Headers that only the gateway may set are dropped from what the client sent, and
 * the token itself never travels past the gateway.
 */
@Component
class AuthenticationFilter implements GlobalFilter, Ordered {

	private static final String BEARER = "Bearer ";

	private static final String SHADOW = "shadow";

	/**
	 * Roles a token may grant; {@code system} belongs to ZonePay's own processes and
	 * never comes from a client.
	 */
	private static final Set<Role> TOKEN_ROLES = EnumSet.of(Role.USER, Role.ADMIN, Role.LOADTEST);

	private final ReactiveJwtDecoder tokens;

	private final ProblemWriter problems;

	AuthenticationFilter(ReactiveJwtDecoder tokens, ProblemWriter problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		ServerWebExchange cleaned = exchange.mutate().request(builder -> builder.headers(headers -> {
			ZonePayHeaders.GATEWAY_OWNED.forEach(headers::remove);
			headers.remove(HttpHeaders.AUTHORIZATION);
		})).build();
		if (authorization == null) {
			@Nullable String traffic = request.getHeaders().getFirst(ZonePayHeaders.TRAFFIC);
			if (traffic != null) {
				// Refused here, not left for the zone to see a tag its assertion lacks.
				return problems.write(exchange,
						SHADOW.equals(traffic) ? CommonProblem.FORBIDDEN : CommonProblem.VALIDATION_FAILED,
						refusal(exchange, Caller.anonymous(), traffic));
			}
			if (isSignUp(request)) {
				cleaned.getAttributes().put(GatewayCaller.ATTRIBUTE, Caller.anonymous());
				return chain.filter(cleaned);
			}
			return problems.write(exchange, CommonProblem.UNAUTHENTICATED, "send Authorization: Bearer <token>");
		}
		if (!authorization.startsWith(BEARER)) {
			return problems.write(exchange, CommonProblem.UNAUTHENTICATED, "only bearer tokens are accepted");
		}
		return tokens.decode(authorization.substring(BEARER.length()).strip())
			.map(AuthenticationFilter::caller)
			.flatMap(caller -> authorize(cleaned, caller, chain))
			.onErrorResume(JwtException.class, ex -> problems.write(exchange, CommonProblem.UNAUTHENTICATED,
					"the token is not valid: " + reason(ex)));
	}

	private Mono<Void> authorize(ServerWebExchange exchange, Caller caller, GatewayFilterChain chain) {
		if (exchange.getRequest().getPath().value().startsWith("/admin/")) {
			if (!caller.has(Role.ADMIN)) {
				return problems.write(exchange, CommonProblem.FORBIDDEN, "administration needs the admin role");
			}
		}
		else if (!caller.has(Role.USER) && !caller.has(Role.ADMIN)) {
			return problems.write(exchange, CommonProblem.FORBIDDEN, "this call needs the user role");
		}
		@Nullable String traffic = exchange.getRequest().getHeaders().getFirst(ZonePayHeaders.TRAFFIC);
		if (traffic != null) {
			@Nullable String refusal = refusal(exchange, caller, traffic);
			if (refusal != null) {
				return problems.write(exchange,
						SHADOW.equals(traffic) ? CommonProblem.FORBIDDEN : CommonProblem.VALIDATION_FAILED, refusal);
			}
			exchange.getAttributes().put(GatewayCaller.TRAFFIC, Traffic.SHADOW);
		}
		exchange.getAttributes().put(GatewayCaller.ATTRIBUTE, caller);
		return chain.filter(exchange);
	}

	/**
	 * Only a load-test credential may tag traffic as shadow, and shadow traffic never
	 * reaches administration: global data is read by shadow traffic as real, and never
	 * written by it. The tag then travels signed in the caller assertion to every zone.
	 */
	private static @Nullable String refusal(ServerWebExchange exchange, Caller caller, String traffic) {
		if (!SHADOW.equals(traffic)) {
			return ZonePayHeaders.TRAFFIC + " may only be 'shadow'";
		}
		if (!caller.has(Role.LOADTEST)) {
			return "shadow traffic needs the loadtest role";
		}
		if (exchange.getRequest().getPath().value().startsWith("/admin/")) {
			return "shadow traffic never reaches administration (global data is never written by it)";
		}
		return null;
	}

	private static Caller caller(Jwt token) {
		UserId user = BusinessId.parse(String.valueOf(token.getSubject()))
			.map(UserId::new)
			.orElseThrow(() -> new JwtException("sub is not a user id"));
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		Object claim = token.getClaims().get("roles");
		if (claim instanceof Collection<?> names) {
			for (Object name : names) {
				TOKEN_ROLES.stream().filter(role -> role.claim().equals(name)).forEach(roles::add);
			}
		}
		return Caller.user(user, roles);
	}

	private static boolean isSignUp(ServerHttpRequest request) {
		return HttpMethod.POST.equals(request.getMethod()) && request.getPath().value().equals("/api/users");
	}

	private static String reason(JwtException ex) {
		@Nullable String message = ex.getMessage();
		return message == null ? "rejected" : message.length() > 200 ? message.substring(0, 200) : message;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
