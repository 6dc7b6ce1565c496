package io.zonepay.payment;

import java.util.Map;

import io.zonepay.service.outbox.OutboxConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs payment-service for one zone. */
@SpringBootApplication
@ConfigurationPropertiesScan
// The outbox is payment-service's alone; it keeps the package it had in the shared
// module, outside the one scanned here.
@Import(OutboxConfiguration.class)
// Its reconcilers are jobs of Spring's scheduler (spring.task.scheduling).
@EnableScheduling
public class PaymentServiceApplication {

	/**
	 * The service's configuration file, named after it so several services can share a
	 * JVM and a classpath.
	 */
	public static final String CONFIG_NAME = "payment-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(PaymentServiceApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		// Named even when another class's main starts it, as when one process hosts a
		// whole zone.
		application.setMainApplicationClass(PaymentServiceApplication.class);
		return application;
	}

}
