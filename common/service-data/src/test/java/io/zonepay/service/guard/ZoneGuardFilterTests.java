package io.zonepay.service.guard;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.routing.ZoneGuard;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneGuardFilterTests {

	private final RoutingTables tables = new RoutingTables();

	private final ZoneGuardFilter filter = new ZoneGuardFilter(new ZoneGuard(ZoneId.of("rz1")), tables,
			new ProblemResponses(JsonMapper.builder().build()), null);

	@Test
	void letsThroughTheShardsThisZoneServes() throws Exception {
		tables.offer(TestRouting.evenly(4, "rz1", "rz2"));
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = run("GET", "/api/users/1249/balances", null, chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getHeader("X-ZonePay-Epoch")).isEqualTo("4");
	}

	@Test
	void sendsOtherShardsToTheirZoneBeforeDoingAnything() throws Exception {
		tables.offer(TestRouting.evenly(4, "rz1", "rz2"));
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = run("POST", "/api/users/1250/deposits", null, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(421);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"code\":\"WRONG_ZONE\"", "\"zone\":\"rz2\"",
				"\"epoch\":4");
	}

	@Test
	void aRequestRoutedByANewerTableWaitsForThisZoneToLearnIt() throws Exception {
		tables.offer(TestRouting.evenly(4, "rz1", "rz2"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/users/1250/deposits");
		request.addHeader("X-ZonePay-Epoch", "5");
		MockFilterChain chain = new MockFilterChain();

		// The gateway routed shard 50 here by epoch 5; this zone hears of epoch 5 a
		// moment later.
		CompletableFuture.runAsync(() -> tables.offer(TestRouting.evenly(5, "rz1")),
				CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getHeader("X-ZonePay-Epoch")).isEqualTo("5");
	}

	@Test
	void aRequestRoutedByANewerTableIsRefusedWhenThisZoneDoesNotLearnItInTime() throws Exception {
		tables.offer(TestRouting.evenly(4, "rz1", "rz2"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/users/1250/deposits");
		request.addHeader("X-ZonePay-Epoch", "5");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(421);
	}

	@Test
	void guardsCollectionCallsByTheCallersShardAndSignUpsByTheChosenShard() throws Exception {
		tables.offer(TestRouting.evenly(4, "rz1", "rz2"));
		CallerAssertion caller = assertion(new Caller(new UserId(1277), Set.of(Role.USER)), null);
		assertThat(run("POST", "/api/orders", caller, new MockFilterChain()).getStatus()).isEqualTo(421);
		assertThat(run("POST", "/api/users", assertion(Caller.anonymous(), Shard.of(60)), new MockFilterChain())
			.getStatus()).isEqualTo(421);
		MockFilterChain chain = new MockFilterChain();
		run("POST", "/api/users", assertion(Caller.anonymous(), Shard.of(10)), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void servesNoShardBeforeItKnowsTheRoutingTable() throws Exception {
		MockHttpServletResponse response = run("GET", "/api/users/1201", null, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).contains("ZONE_UNAVAILABLE");
	}

	@Test
	void leavesUnshardedPathsAlone() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		run("GET", "/admin/routing", null, chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	private MockHttpServletResponse run(String method, String path, @Nullable CallerAssertion assertion,
			MockFilterChain chain) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (assertion != null) {
			request.setAttribute(CallerAssertion.class.getName(), assertion);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, chain);
		return response;
	}

	private static CallerAssertion assertion(Caller caller, @Nullable Shard shard) {
		return new CallerAssertion(caller, "POST", "/", shard, java.time.Instant.now().plus(Duration.ofSeconds(5)),
				"n");
	}

}
