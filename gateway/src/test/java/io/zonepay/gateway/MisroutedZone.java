package io.zonepay.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A zone service whose routing table is newer than the gateway's: it refuses every
 * request with {@code 421
 * WRONG_ZONE} at its epoch, before reading anything else, and runs an action as it does
 * (the new table reaching the gateway, say).
 */
final class MisroutedZone implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicLong epoch = new AtomicLong();

	private volatile Runnable onRefusal = () -> {
	};

	MisroutedZone() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", exchange -> {
			refused.incrementAndGet();
			onRefusal.run();
			byte[] answer = ("{\"type\": \"https://zonepay.io/problems/wrong-zone\", \"status\": 421, "
					+ "\"code\": \"WRONG_ZONE\", \"epoch\": " + epoch.get() + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
			exchange.getResponseHeaders().set("X-ZonePay-Epoch", Long.toString(epoch.get()));
			exchange.sendResponseHeaders(421, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	/** From now on it refuses at this epoch, running the action on each refusal. */
	void refuseAt(long epoch, Runnable onRefusal) {
		this.epoch.set(epoch);
		this.onRefusal = onRefusal;
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	int refused() {
		return refused.get();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
