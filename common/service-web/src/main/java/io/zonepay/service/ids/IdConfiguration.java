package io.zonepay.service.ids;

import io.zonepay.kernel.id.IdGenerator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The id generator of this process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdProperties.class)
public class IdConfiguration {

	@Bean
	IdGenerator idGenerator(IdProperties properties) {
		return new IdGenerator(properties.nodeId());
	}
}
