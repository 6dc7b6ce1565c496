package io.zonepay.service.openapi;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerAssertion;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service's OpenAPI document, corrected and completed by every {@link ApiOperations}
 * bean of the service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsConfiguration {

	@Bean
	TypedIdSchemas typedIdSchemas() {
		return new TypedIdSchemas();
	}

	@Bean
	OpenApiCustomizer zonePayApiDocument(Environment environment, ObjectProvider<ApiOperations> descriptions) {
		// The caller is the gateway's signed assertion, handed over by an argument
		// resolver: nothing a client sends.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, CallerAssertion.class);
		return new ApiDocument(environment.getProperty("spring.application.name", "service"),
				descriptions.orderedStream().toList());
	}

}
