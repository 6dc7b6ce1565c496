package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

class GlobalDataClientTests {

	private static final MerchantId TEA = new MerchantId(4100);

	private static final String MERCHANT = "{\"merchantId\": \"4100\", \"name\": \"Tea\", \"currency\": \"CNY\", "
			+ "\"status\": \"ACTIVE\", \"version\": 7}";

	private final List<HttpServer> servers = new ArrayList<>();

	@AfterEach
	void stop() {
		servers.forEach(server -> server.stop(0));
	}

	@Test
	void aMerchantIsReadFromTheNextSourceWhenTheCitysCzoneIsGone() throws Exception {
		Source other = source(200, MERCHANT);
		GlobalDataClient client = client(List.of(deadSource(), other.uri()), Duration.ofSeconds(5));

		assertThat(client.merchant(TEA)).hasValueSatisfying(merchant -> assertThat(merchant.name()).isEqualTo("Tea"));
		assertThat(other.reads()).hasValue(1);
		assertThat(client.source()).as("reads stay with the source that answers").isEqualTo(other.uri());
	}

	@Test
	void aCzoneThatCannotServeFreshDataIsPassedOver() throws Exception {
		Source stale = source(503, "{\"code\": \"STALE_GLOBAL_DATA\"}");
		Source gzone = source(200, MERCHANT);

		assertThat(client(List.of(stale.uri(), gzone.uri()), Duration.ofSeconds(5)).merchant(TEA)).isPresent();
		assertThat(stale.reads()).hasValue(1);
	}

	@Test
	void noSuchMerchantIsAnAnswerNotAFailure() throws Exception {
		Source first = source(404, "{\"code\": \"MERCHANT_NOT_FOUND\"}");
		Source second = source(200, MERCHANT);

		assertThat(client(List.of(first.uri(), second.uri()), Duration.ofSeconds(5)).merchant(TEA)).isEmpty();
		assertThat(second.reads()).hasValue(0);
	}

	@Test
	void whenNoSourceAnswersTheLastFailureIsSaid() throws Exception {
		Source stale = source(503, "{}");
		GlobalDataClient client = client(List.of(deadSource(), stale.uri()), Duration.ofSeconds(5));

		assertThatIOException().isThrownBy(() -> client.merchant(TEA)).withMessageContaining("answered 503");
	}

	@Test
	void readsGoBackToTheFirstSourceOnceItHasBeenLeftLongEnough() throws Exception {
		Source first = source(200, MERCHANT);
		Source second = source(200, MERCHANT);
		first.server().stop(0);
		URI firstUri = first.uri();
		GlobalDataClient client = client(List.of(firstUri, second.uri()), Duration.ofMillis(200));
		client.merchant(TEA);
		assertThat(client.source()).isEqualTo(second.uri());

		Source revived = source(firstUri.getPort(), 200, MERCHANT);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			client.merchant(TEA);
			assertThat(revived.reads().get()).isPositive();
		});
		assertThat(client.source()).isEqualTo(firstUri);
	}

	private static GlobalDataClient client(List<URI> sources, Duration preferAgainAfter) {
		CallerSigner signer = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
				Duration.ofSeconds(10));
		return new GlobalDataClient(sources, new GlobalDataClient.Timeouts(Duration.ofMillis(300),
				Duration.ofSeconds(2), Duration.ofMillis(100), preferAgainAfter), signer);
	}

	/** A port nothing listens on: as a CZone whose process was killed. */
	private static URI deadSource() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	private Source source(int status, String body) throws IOException {
		return source(0, status, body);
	}

	private Source source(int port, int status, String body) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		AtomicInteger reads = new AtomicInteger();
		server.createContext("/", exchange -> {
			reads.incrementAndGet();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		servers.add(server);
		return new Source(server, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), reads);
	}

	private record Source(HttpServer server, URI uri, AtomicInteger reads) {
	}

}
