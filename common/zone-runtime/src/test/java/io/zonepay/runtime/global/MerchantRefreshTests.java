package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.runtime.routing.RoutingTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MerchantRefreshTests {

	private static final MerchantId TEA_HOUSE = new MerchantId(4207);

	private static final MerchantId NOODLE_BAR = new MerchantId(4208);

	private static final Duration KEEP_FOR = Duration.ofSeconds(10);

	private final AtomicInteger singleReads = new AtomicInteger();

	private final Queue<String> batchReads = new ConcurrentLinkedQueue<>();

	private final AtomicReference<String> status = new AtomicReference<>("ACTIVE");

	private final AtomicInteger batchStatus = new AtomicInteger(200);

	private HttpServer czone;

	private GlobalData data;

	@BeforeEach
	void start() throws IOException {
		czone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		czone.setExecutor(Executors.newCachedThreadPool());
		czone.createContext("/api/merchants/", exchange -> {
			singleReads.incrementAndGet();
			String id = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
			answer(exchange, 200, merchant(id));
		});
		czone.createContext("/internal/global/merchants", exchange -> {
			String ids = exchange.getRequestURI().getQuery().replaceFirst("^ids=", "");
			batchReads.add(ids);
			// The noodle bar no longer exists: a batch leaves it out.
			answer(exchange, batchStatus.get(), batchStatus.get() != 200 ? "{\"code\": \"STALE_GLOBAL_DATA\"}"
					: "{\"merchants\": [" + merchant(Long.toString(TEA_HOUSE.value())) + "]}");
		});
		czone.start();
		// A time to live far longer than the test: what changes a kept merchant is a
		// refresh.
		data = globalDataReadingFrom(URI.create("http://127.0.0.1:" + czone.getAddress().getPort()),
				Duration.ofHours(1));
	}

	@AfterEach
	void stop() {
		czone.stop(0);
	}

	@Test
	void aRefreshReadsEveryMerchantInUseInOneRequest() {
		data.merchant(TEA_HOUSE);
		data.merchant(NOODLE_BAR);
		status.set("INACTIVE");

		data.refreshMerchants(KEEP_FOR);

		assertThat(batchReads).hasSize(1);
		assertThat(batchReads.peek().split(",")).containsExactlyInAnyOrder("4207", "4208");
		assertThat(data.merchant(TEA_HOUSE)).map(MerchantDocument::active).contains(false);
		assertThat(data.merchant(NOODLE_BAR)).isEmpty();
		assertThat(singleReads).hasValue(2);
	}

	@Test
	void merchantsNoOneAskedForAreForgottenAndNotRead() {
		data.merchant(TEA_HOUSE);

		data.refreshMerchants(Duration.ZERO);

		assertThat(batchReads).isEmpty();
		data.merchant(TEA_HOUSE);
		assertThat(singleReads).hasValue(2);
	}

	@Test
	void aFailedRefreshLeavesTheMerchantsAsTheyWere() {
		data.merchant(TEA_HOUSE);
		status.set("INACTIVE");
		batchStatus.set(503);

		data.refreshMerchants(KEEP_FOR);

		assertThat(batchReads).hasSize(1);
		assertThat(data.merchant(TEA_HOUSE)).map(MerchantDocument::active).contains(true);
		assertThat(singleReads).hasValue(1);
	}

	@Test
	void aProcessWithNoMerchantsInUseReadsNothingAndIsToldWhenItKeepsItsFirst() {
		AtomicInteger told = new AtomicInteger();
		data.whenFirstMerchantKept(told::incrementAndGet);

		assertThat(data.refreshMerchants(KEEP_FOR)).as("a refresh due again").isFalse();
		assertThat(batchReads).isEmpty();

		data.merchant(TEA_HOUSE);
		data.merchant(NOODLE_BAR);
		assertThat(told).as("told of the first merchant kept only").hasValue(1);
		assertThat(data.refreshMerchants(KEEP_FOR)).as("a refresh due again").isTrue();
		assertThat(data.refreshMerchants(Duration.ZERO)).as("a refresh due again, all forgotten").isFalse();

		data.merchant(TEA_HOUSE);
		assertThat(told).as("told again once all were forgotten").hasValue(2);
	}

	private String merchant(String id) {
		return "{\"merchantId\": \"" + id + "\", \"name\": \"Shop " + id + "\", \"currency\": \"CNY\", \"status\": \""
				+ status.get() + "\", \"version\": 3}";
	}

	private static void answer(HttpExchange exchange, int code, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(code, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static GlobalData globalDataReadingFrom(URI czone, Duration timeToLive) {
		CallerSigner signer = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
				Duration.ofSeconds(10));
		GlobalDataClient client = new GlobalDataClient(List.of(czone), new GlobalDataClient.Timeouts(
				Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(5)), signer);
		return new GlobalData(new RoutingTables(), client, 100, timeToLive);
	}

}
