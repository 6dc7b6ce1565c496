package io.zonepay.service;

import io.zonepay.runtime.identity.IdentityAutoConfiguration;
import io.zonepay.runtime.routing.RoutingAutoConfiguration;
import io.zonepay.service.identity.IdentityConfiguration;
import io.zonepay.service.inbox.InboxConfiguration;
import io.zonepay.service.messaging.MessagingConfiguration;
import io.zonepay.service.outbox.OutboxConfiguration;
import io.zonepay.service.idempotency.IdempotencyConfiguration;
import io.zonepay.service.ids.IdConfiguration;
import io.zonepay.service.problem.ProblemHandler;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.schema.SupportSchema;
import io.zonepay.service.zone.ZoneConfiguration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Everything a servlet-based zone service gets by depending on this module. */
@AutoConfiguration(after = { IdentityAutoConfiguration.class, RoutingAutoConfiguration.class },
		afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ZoneConfiguration.class, IdentityConfiguration.class, IdConfiguration.class, IdempotencyConfiguration.class, SupportSchema.class,
		InboxConfiguration.class, OutboxConfiguration.class, MessagingConfiguration.class, ProblemHandler.class })
public class ServiceSupportAutoConfiguration {

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	/** Money arrives as integers of minor units: refuse 10.5 and "10" instead of silently truncating or coercing. */
	@Bean
	JsonMapperBuilderCustomizer strictNumbers() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
	}
}
