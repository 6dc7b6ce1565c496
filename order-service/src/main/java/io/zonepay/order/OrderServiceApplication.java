package io.zonepay.order;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs order-service for one zone. Its orders are SQL (JdbcClient) and it has no JPA;
 * where Hibernate is on the classpath all the same (a zone's host runs it beside services
 * that have entities), its auto-configuration stays off, so that transactions are the
 * data source's own rather than ones that open a Hibernate session each.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@ConfigurationPropertiesScan
public class OrderServiceApplication {

	/**
	 * The service's configuration file, named after it so several services can share a
	 * JVM and a classpath.
	 */
	public static final String CONFIG_NAME = "order-service";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(OrderServiceApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		// Named even when another class's main starts it, as when one process hosts a
		// whole zone.
		application.setMainApplicationClass(OrderServiceApplication.class);
		return application;
	}

}
