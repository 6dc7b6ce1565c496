package io.zonepay.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.zonepay.runtime.identity.IdentityAutoConfiguration;
import io.zonepay.service.identity.IdentityConfiguration;
import io.zonepay.service.idempotency.IdempotentRequests;
import io.zonepay.service.ids.IdConfiguration;
import io.zonepay.service.problem.ProblemHandler;
import io.zonepay.service.slice.SliceSupport;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A slice of one controller as the service serves it: the caller filter that verifies
 * signed callers (sign them with {@code TestCallers}), typed ids in paths and JSON, the
 * problem handler, and a real {@link IdempotentRequests} on which every key is new. The
 * zone, deadline and zone-guard filters are left out: they answer before any controller
 * and have tests of their own. Global data accepts CNY and USD with the default switches.
 *
 * <p>
 * The slice scans the service's package itself rather than starting from the application
 * class, so that what that class imports for the running service (the outbox, its relay)
 * stays out of a test that has no database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = "zonepay.ids.node-id=1")
@ImportAutoConfiguration(IdentityAutoConfiguration.class)
@ContextConfiguration(classes = PaymentWebMvcTest.Slice.class)
@Import({ IdentityConfiguration.class, IdConfiguration.class, ProblemHandler.class, SliceSupport.class })
public @interface PaymentWebMvcTest {

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	/**
	 * What PaymentServiceApplication scans, through the slice's filter: the controller
	 * under test and the service's other web components.
	 */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = PaymentServiceApplication.class,
			excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
	class Slice {

	}

}
