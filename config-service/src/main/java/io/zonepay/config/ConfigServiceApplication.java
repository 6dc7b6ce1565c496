package io.zonepay.config;

import java.util.Map;

import io.zonepay.service.traffic.ShadowSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Runs config-service in the role its configuration gives it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConfigServiceApplication {

	/**
	 * The service's configuration file, named after it so several services can share a
	 * JVM and a classpath.
	 */
	public static final String CONFIG_NAME = "config-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(ConfigServiceApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		// Named even when another class's main starts it, as when one process hosts a
		// whole zone.
		application.setMainApplicationClass(ConfigServiceApplication.class);
		return application;
	}

	/**
	 * A full-link load test reads global data as real traffic does (there is one copy of
	 * it), and never writes it.
	 */
	@Bean
	ShadowSupport globalDataIsReadAsReal() {
		return ShadowSupport.READS_ONLY;
	}

}
