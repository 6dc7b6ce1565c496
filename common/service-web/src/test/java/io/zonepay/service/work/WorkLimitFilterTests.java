package io.zonepay.service.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.service.problem.ProblemResponses;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One place and no wait: a request that arrives while another is being served (made from
 * inside that one, so the test needs no threads) finds the service full.
 */
class WorkLimitFilterTests {

	private final Counter refused = new SimpleMeterRegistry().counter("busy");

	private final WorkLimitFilter filter = new WorkLimitFilter(new WorkLimitProperties(1, Duration.ZERO),
			new ProblemResponses(JsonMapper.builder().build()), refused, Clock.systemUTC());

	private final List<MockHttpServletResponse> inner = new ArrayList<>();

	@Test
	void refusesAnOutsideRequestWhileEveryPlaceIsTakenAndDoesNoWorkForIt() throws Exception {
		MockFilterChain whileServing = new MockFilterChain();
		MockHttpServletResponse outer = serve(outside("/api/payments"),
				alsoSending(outside("/api/orders"), whileServing));

		assertThat(outer.getStatus()).isEqualTo(200);
		assertThat(inner.getFirst().getStatus()).isEqualTo(503);
		assertThat(inner.getFirst().getHeader("Retry-After")).isEqualTo("1");
		assertThat(inner.getFirst().getContentAsString()).contains("SERVICE_BUSY", "nothing was done");
		assertThat(whileServing.getRequest()).as("the refused request's work").isNull();
		assertThat(refused.count()).isEqualTo(1);
	}

	@Test
	void neverRefusesTheZonesOwnCallsNorTheActuator() throws Exception {
		MockHttpServletRequest zoneCall = outside("/api/orders/12");
		zoneCall.setAttribute(CallerAssertion.class.getName(), new CallerAssertion(Caller.system(), "GET",
				"/api/orders/12", null, Instant.now().plusSeconds(30), "nonce"));
		MockFilterChain zoneCallWork = new MockFilterChain();
		MockFilterChain healthWork = new MockFilterChain();

		serve(outside("/api/payments"), alsoSending(zoneCall, zoneCallWork));
		serve(outside("/api/payments"), alsoSending(outside("/actuator/health"), healthWork));

		assertThat(zoneCallWork.getRequest()).isNotNull();
		assertThat(healthWork.getRequest()).isNotNull();
		assertThat(refused.count()).isZero();
	}

	@Test
	void aLoadTestsRequestTakesAPlaceOnlyWhileMoreThanHalfAreFree() throws Exception {
		WorkLimitFilter two = new WorkLimitFilter(new WorkLimitProperties(2, Duration.ZERO),
				new ProblemResponses(JsonMapper.builder().build()), refused, Clock.systemUTC());
		MockFilterChain shadowWork = new MockFilterChain();
		MockFilterChain realWork = new MockFilterChain();
		MockHttpServletResponse shadow = new MockHttpServletResponse();
		MockHttpServletResponse real = new MockHttpServletResponse();

		two.doFilter(outside("/api/payments"), new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				try (TrafficScope.Scope bound = TrafficScope.enter(Traffic.SHADOW)) {
					two.doFilter(outside("/api/orders"), shadow, shadowWork);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				serveQuietly(two, outside("/api/orders"), real, realWork);
			}
		}));

		assertThat(shadow.getStatus()).isEqualTo(503);
		assertThat(shadowWork.getRequest()).as("the shadow request's work").isNull();
		assertThat(real.getStatus()).isEqualTo(200);
		assertThat(realWork.getRequest()).as("the real request's work").isNotNull();
	}

	@Test
	void givesThePlaceBackWhenTheWorkFails() throws Exception {
		MockFilterChain failing = new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
				throw new ServletException("the work failed");
			}
		});
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> filter.doFilter(outside("/api/payments"), new MockHttpServletResponse(), failing));

		MockFilterChain next = new MockFilterChain();
		filter.doFilter(outside("/api/payments"), new MockHttpServletResponse(), next);

		assertThat(next.getRequest()).isNotNull();
	}

	private MockHttpServletResponse serve(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, chain);
		return response;
	}

	/** A chain whose work sends another request through the filter while it is served. */
	private MockFilterChain alsoSending(MockHttpServletRequest other, MockFilterChain otherWork) {
		return new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				inner.add(serveQuietly(other, otherWork));
			}
		});
	}

	private MockHttpServletResponse serveQuietly(MockHttpServletRequest request, MockFilterChain chain) {
		try {
			return serve(request, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void serveQuietly(WorkLimitFilter filter, MockHttpServletRequest request,
			MockHttpServletResponse response, MockFilterChain chain) {
		try {
			filter.doFilter(request, response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MockHttpServletRequest outside(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRequestURI(path);
		return request;
	}

}
