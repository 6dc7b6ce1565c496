package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.routing.RoutingTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class GlobalDataTests {

	private static final MerchantId TEA_HOUSE = new MerchantId(4207);

	private final AtomicInteger reads = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer czone;

	@AfterEach
	void stop() {
		release.countDown();
		if (czone != null) {
			czone.stop(0);
		}
	}

	@Test
	void callersThatMissTheSameMerchantAtOnceShareOneReadOfTheCzone() throws Exception {
		GlobalData data = globalDataReadingFrom(startCzone(200));
		List<Thread> threads = new CopyOnWriteArrayList<>();
		try (ExecutorService callers = Executors.newFixedThreadPool(8, recorded(threads))) {
			List<Future<Optional<MerchantDocument>>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(callers.submit(() -> data.merchant(TEA_HOUSE)));
			}
			awaitCallersParked(threads, 8);
			release.countDown();
			for (Future<Optional<MerchantDocument>> answer : answers) {
				assertThat(answer.get(5, TimeUnit.SECONDS)).map(MerchantDocument::name).contains("Tea House");
			}
		}
		assertThat(reads).hasValue(1);
	}

	@Test
	void aFailedReadFailsEveryCallerThatWaitedForItAndIsNotRemembered() throws Exception {
		GlobalData data = globalDataReadingFrom(startCzone(500));
		List<Thread> threads = new CopyOnWriteArrayList<>();
		try (ExecutorService callers = Executors.newFixedThreadPool(4, recorded(threads))) {
			List<Future<Optional<MerchantDocument>>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(callers.submit(() -> data.merchant(TEA_HOUSE)));
			}
			awaitCallersParked(threads, 4);
			release.countDown();
			for (Future<Optional<MerchantDocument>> answer : answers) {
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
					.havingCause()
					.isInstanceOf(ProblemException.class);
			}
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> data.merchant(TEA_HOUSE));
		assertThat(reads).hasValue(2);
	}

	private URI startCzone(int status) throws IOException {
		czone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		czone.setExecutor(Executors.newCachedThreadPool());
		czone.createContext("/api/merchants/", exchange -> {
			reads.incrementAndGet();
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = (status == 200
					? "{\"merchantId\": \"4207\", \"name\": \"Tea House\","
							+ " \"currency\": \"CNY\", \"status\": \"ACTIVE\", \"version\": 3}"
					: "{\"code\": \"INTERNAL_ERROR\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		czone.start();
		return URI.create("http://127.0.0.1:" + czone.getAddress().getPort());
	}

	/**
	 * Until the CZone holds the first read and every caller is parked: on that read, or
	 * on the first caller's.
	 */
	private void awaitCallersParked(List<Thread> threads, int callers) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> reads.get() >= 1 && threads.size() == callers
					&& threads.stream()
						.allMatch(thread -> thread.getState() == Thread.State.WAITING
								|| thread.getState() == Thread.State.TIMED_WAITING));
	}

	private static ThreadFactory recorded(List<Thread> threads) {
		return task -> {
			Thread thread = new Thread(task);
			threads.add(thread);
			return thread;
		};
	}

	private static GlobalData globalDataReadingFrom(URI czone) {
		CallerSigner signer = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
				Duration.ofSeconds(10));
		GlobalDataClient client = new GlobalDataClient(List.of(czone), new GlobalDataClient.Timeouts(
				Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(5)), signer);
		return new GlobalData(new RoutingTables(), client, 100, Duration.ofSeconds(1));
	}

}
