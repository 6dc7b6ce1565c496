package io.zonepay.service.ids;

import io.zonepay.kernel.id.IdGenerator;
import tools.jackson.databind.JacksonModule;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The id generator of this process, and how typed ids bind from paths and travel in JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdProperties.class)
public class IdConfiguration {

	@Bean
	IdGenerator idGenerator(IdProperties properties) {
		return new IdGenerator(properties.nodeId());
	}

	/**
	 * Boot adds every module bean to the application's JSON mapper: bodies, answers and
	 * outbox events alike.
	 */
	@Bean
	JacksonModule typedIdJson() {
		return new TypedIdJsonModule();
	}

	@Bean
	WebMvcConfigurer typedIdPaths() {
		return new WebMvcConfigurer() {

			@Override
			public void addFormatters(FormatterRegistry registry) {
				registry.addConverterFactory(new TypedIdPaths());
			}
		};
	}

}
