package io.zonepay.account;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs account-service for one zone. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccountServiceApplication {

	/**
	 * The service's configuration file, named after it so several services can share a
	 * JVM and a classpath.
	 */
	public static final String CONFIG_NAME = "account-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(AccountServiceApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		// Named even when another class's main starts it, as when one process hosts a
		// whole zone.
		application.setMainApplicationClass(AccountServiceApplication.class);
		return application;
	}

}
