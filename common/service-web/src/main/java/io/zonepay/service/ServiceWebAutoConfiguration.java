package io.zonepay.service;

import java.time.Clock;

import io.zonepay.runtime.identity.IdentityAutoConfiguration;
import io.zonepay.runtime.routing.RoutingAutoConfiguration;
import io.zonepay.service.deadline.DeadlineConfiguration;
import io.zonepay.service.work.WorkLimitConfiguration;
import io.zonepay.service.identity.IdentityConfiguration;
import io.zonepay.service.ids.IdConfiguration;
import io.zonepay.service.openapi.ApiDocsConfiguration;
import io.zonepay.service.problem.ProblemHandler;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.traffic.TrafficConfiguration;
import io.zonepay.service.zone.ZoneConfiguration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Everything a servlet-based zone service gets by depending on this module: its zone,
 * callers, deadlines, ids and problems.
 */
@AutoConfiguration(after = { IdentityAutoConfiguration.class, RoutingAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ZoneConfiguration.class, DeadlineConfiguration.class, WorkLimitConfiguration.class,
		IdentityConfiguration.class, TrafficConfiguration.class, IdConfiguration.class, ProblemHandler.class,
		ApiDocsConfiguration.class })
public class ServiceWebAutoConfiguration {

	/**
	 * The one clock of the money paths (payments, refunds, transfers, the ledger,
	 * orders): what they record and compare against. A test declares its own (fixed, or
	 * one it moves) to replace it. Deadlines, caller assertions and id generation keep
	 * the wall clock: they compare instants with other processes.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	/**
	 * Money arrives as integers of minor units, ids as strings of digits and kinds as
	 * their names: refuse 10.5, "10" for an amount, 12 for an id and 1 for a kind instead
	 * of silently truncating or coercing (an id sent as a JSON number loses digits in
	 * many clients).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
