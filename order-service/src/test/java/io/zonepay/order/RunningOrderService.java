package io.zonepay.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.StatementLog;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * order-service as it runs, as zone rz1 of shard group sg1, on a real PostgreSQL (through
 * {@link StatementLog}) and Kafka. Every integration test of the service names this, so
 * that they share one context, and so one consumer of the payment events in the test JVM:
 * a second one would take the others' events for its own and set them aside as poison.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=order-service", "zonepay.zone.id=rz1", "zonepay.zone.city=hz",
				"zonepay.zone.shard-group=sg1", "zonepay.ids.node-id=12", "management.server.port=0",
				"spring.datasource.driver-class-name=io.zonepay.testkit.StatementLog" })
@EmbeddedInfrastructure(database = "order", kafka = true)
public @interface RunningOrderService {

}
