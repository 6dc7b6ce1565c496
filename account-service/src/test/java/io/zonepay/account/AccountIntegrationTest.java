package io.zonepay.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.StatementLog;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * account-service as zone rz1 of a two-zone layout, on its own database of the shared
 * PostgreSQL, through {@link StatementLog} (which counts what a posting costs).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AccountServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=account-service", "zonepay.zone.id=rz1", "zonepay.zone.city=hz",
				"zonepay.zone.shard-group=sg1", "zonepay.ids.node-id=11", "management.server.port=0",
				"spring.datasource.driver-class-name=io.zonepay.testkit.StatementLog" })
@EmbeddedInfrastructure(database = "account")
public @interface AccountIntegrationTest {

}
