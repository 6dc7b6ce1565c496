package io.zonepay.service.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.ReplayGuard;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CallerFilterTests {

	private final CallerFilter filter = new CallerFilter(
			new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
					Duration.ofSeconds(10)),
			new ReplayGuard(100, Clock.systemUTC()), new ProblemResponses(JsonMapper.builder().build()));

	@Test
	void takesTheCallerFromAValidAssertion() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletRequest request = request("GET", "/api/users/1207",
				TestCallers.user(1207, "GET", "/api/users/1207"));
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(((CallerAssertion) request.getAttribute(Callers.ATTRIBUTE)).caller().user()).hasToString("1207");
	}

	@Test
	void refusesRequestsWithoutOrWithAForeignAssertion() throws Exception {
		assertThat(status(request("GET", "/api/users/1207", null))).isEqualTo(401);
		assertThat(status(request("GET", "/api/users/1208", TestCallers.user(1207, "GET", "/api/users/1207"))))
			.isEqualTo(401);
		assertThat(status(request("GET", "/api/users/1207", "v1.e30.AAAA"))).isEqualTo(401);
	}

	@Test
	void refusesAnAssertionUsedTwice() throws Exception {
		String header = TestCallers.user(1207, "GET", "/api/users/1207");
		assertThat(status(request("GET", "/api/users/1207", header))).isEqualTo(200);
		MockHttpServletResponse replayed = new MockHttpServletResponse();
		filter.doFilter(request("GET", "/api/users/1207", header), replayed, new MockFilterChain());
		assertThat(replayed.getStatus()).isEqualTo(401);
		assertThat(replayed.getContentAsString()).contains("UNAUTHENTICATED", "already used");
	}

	private int status(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

	private static MockHttpServletRequest request(String method, String path, @Nullable String header) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (header != null) {
			request.addHeader("X-ZonePay-Caller", header);
		}
		return request;
	}

}
