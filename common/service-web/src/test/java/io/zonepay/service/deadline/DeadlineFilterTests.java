package io.zonepay.service.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.service.problem.ProblemResponses;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineFilterTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	private final Counter refused = new SimpleMeterRegistry().counter("refused");

	private final DeadlineFilter filter = new DeadlineFilter(new ProblemResponses(JsonMapper.builder().build()),
			refused, Clock.fixed(NOW, ZoneOffset.UTC));

	private final AtomicReference<@Nullable Deadline> seen = new AtomicReference<>();

	private final MockFilterChain chain = new MockFilterChain(new HttpServlet() {
		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) {
			seen.set(Deadlines.current());
		}
	});

	@Test
	void refusesARequestWhoseCallerStoppedWaitingBeforeAnyWork() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request(Long.toString(NOW.minusMillis(1).toEpochMilli())), response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).contains("DEADLINE_PASSED", "nothing was done");
		assertThat(refused.count()).isEqualTo(1);
	}

	@Test
	void servesARequestInTimeWithItsDeadlineKnownToTheCallsItMakesAndForgottenAfter() throws Exception {
		Deadline deadline = new Deadline(NOW.plusMillis(1500));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request(deadline.header()), response, chain);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(seen.get()).isEqualTo(deadline);
		assertThat(Deadlines.current()).isNull();
		assertThat(refused.count()).isZero();
	}

	@Test
	void servesARequestWithoutADeadlineOrWithOneItCannotRead() throws Exception {
		filter.doFilter(request(null), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(seen.get()).isNull();

		MockFilterChain another = new MockFilterChain();
		filter.doFilter(request("tomorrow"), new MockHttpServletResponse(), another);
		assertThat(another.getRequest()).isNotNull();
	}

	private static MockHttpServletRequest request(@Nullable String deadline) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/internal/postings");
		if (deadline != null) {
			request.addHeader("X-ZonePay-Deadline", deadline);
		}
		return request;
	}

}
