package io.zonepay.platform;

import java.util.List;

/**
 * The platform's trace backend, when {@code ./zonepay up --traces} asks for one: Zipkin's
 * server as one more process, spans in memory, its UI and API on {@link #PORT}. Its
 * executable jar comes from Maven Central, at the version the root POM names, fetched by
 * {@code ./zonepay} into the installation's caches the first time.
 */
final class Zipkin {

	static final String NAME = "zipkin";

	static final int PORT = 9411;

	/**
	 * Small and quick to start, as the services are; the newest spans only, so that the
	 * heap holds them.
	 */
	private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:+ExitOnOutOfMemoryError");

	private static final int MAX_SPANS = 100_000;

	private Zipkin() {
	}

	/** Where every service sends its spans: Zipkin's v2 JSON endpoint. */
	static String spansEndpoint() {
		return "http://127.0.0.1:" + PORT + "/api/v2/spans";
	}

	static Process start(Installation installation, Spawner spawner) {
		return spawner.java(NAME, JVM, List.of("-jar", installation.zipkinJar().toString(), "--server.port=" + PORT,
				"--zipkin.storage.mem.max-spans=" + MAX_SPANS));
	}

}
