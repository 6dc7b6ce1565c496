package io.zonepay.service.slice;

import java.time.Duration;
import java.util.Set;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.idempotency.FirstRequests;
import io.zonepay.service.idempotency.IdempotentRequests;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.testkit.TestRouting;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The beans a zone service's {@code @WebMvcTest} slice needs beside its controller:
 * problem answers, a real {@link IdempotentRequests} on which every key is new, and
 * global data that accepts CNY and USD with the default switches.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceSupport {

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	@Bean
	IdempotentRequests idempotentRequests(JsonMapper json) {
		return FirstRequests.of(json);
	}

	@Bean
	GlobalData globalData() {
		GlobalData global = new GlobalData(new RoutingTables(), null, 10, Duration.ofMinutes(1));
		global.offer(new GlobalView(1, TestRouting.evenly(1, "rz1", "rz2"), Switches.none(),
				Set.of(CurrencyCode.of("CNY"), CurrencyCode.of("USD"))));
		return global;
	}

}
