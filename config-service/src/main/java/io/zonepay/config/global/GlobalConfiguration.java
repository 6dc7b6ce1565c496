package io.zonepay.config.global;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What both roles share to serve global data. */
@Configuration(proxyBeanMethods = false)
class GlobalConfiguration {

	@Bean(destroyMethod = "close")
	ViewWaiters viewWaiters() {
		return new ViewWaiters();
	}
}
