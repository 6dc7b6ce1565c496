package io.zonepay.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a Spring test context at the shared real infrastructure: a fresh PostgreSQL
 * database of its own (when {@link #database()} is set) and the shared Kafka broker (when
 * {@link #kafka()} is true).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(EmbeddedInfrastructureCustomizerFactory.class)
public @interface EmbeddedInfrastructure {

	/** The name prefix of the context's own database; empty for a context without one. */
	String database() default "";

	/** Whether the context talks to Kafka. */
	boolean kafka() default false;

}
