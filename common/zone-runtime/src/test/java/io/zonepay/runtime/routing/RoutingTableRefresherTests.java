package io.zonepay.runtime.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoutingTableRefresherTests {

	private final CallerSigner signer = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));

	private final AtomicReference<String> served = new AtomicReference<>();

	private final AtomicReference<String> caller = new AtomicReference<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private HttpServer configService;

	private RoutingTables tables;

	private RoutingTableRefresher refresher;

	private PeriodicTask task;

	@BeforeEach
	void startConfigService() throws IOException {
		configService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		configService.createContext("/admin/routing", exchange -> {
			caller.set(exchange.getRequestHeaders().getFirst("X-ZonePay-Caller"));
			String body = served.get();
			byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length == 0 ? -1 : bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		configService.start();
		tables = new RoutingTables();
		URI source = URI.create("http://127.0.0.1:" + configService.getAddress().getPort());
		refresher = new RoutingTableRefresher(new RoutingTableClient(source, Duration.ofMillis(500), Duration.ofSeconds(2), signer), tables, registry);
		task = new PeriodicTask("routing-refresh", Duration.ZERO, Duration.ofMillis(50), refresher::refreshNow);
	}

	@AfterEach
	void stop() {
		task.stop();
		configService.stop(0);
	}

	@Test
	void readsTheTableAsASystemCallerAndPicksUpNewEpochs() {
		serve(1);
		task.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> tables.epoch() == 1);
		assertThat(signer.verify(caller.get(), "GET", "/admin/routing").caller().roles()).containsExactly(Role.SYSTEM);
		serve(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> tables.epoch() == 2);
		assertThat(registry.get("zonepay.routing.epoch").gauge().value()).isEqualTo(2.0);
	}

	@Test
	void keepsTheLastGoodTableWhileTheSourceFails() {
		serve(3);
		assertThat(refresher.refreshNow()).isTrue();
		served.set(null);
		assertThat(refresher.refreshNow()).isFalse();
		served.set("{not json");
		assertThat(refresher.refreshNow()).isFalse();
		assertThat(tables.epoch()).isEqualTo(3);
		assertThat(registry.get("zonepay.routing.refresh.failures").counter().count()).isEqualTo(2.0);
	}

	private void serve(long epoch) {
		served.set(JsonMapper.builder().build().writeValueAsString(RoutingTableDocument.of(TestRouting.evenly(epoch, "rz1", "rz2"))));
	}
}
