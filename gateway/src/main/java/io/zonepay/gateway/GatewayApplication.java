package io.zonepay.gateway;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the gateway of one city. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	/**
	 * The gateway's configuration file, named after it so it can share a JVM and
	 * classpath with services in tests.
	 */
	public static final String CONFIG_NAME = "gateway";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(GatewayApplication.class);
		// Reactive even when servlet classes are on the classpath, as in the end-to-end
		// suite.
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		application.setMainApplicationClass(GatewayApplication.class);
		return application;
	}

}
