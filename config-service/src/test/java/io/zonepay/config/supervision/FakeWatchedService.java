package io.zonepay.config.supervision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's management port over raw sockets, so that a test decides every byte: it
 * streams {@code CORRECT n} lines on the watch path at a pace of its own until told to
 * say something else, fall silent, end its streams or die (its sockets closed at once, as
 * a killed process's are); or it answers the watch path with a status, or not at all. The
 * health path answers 200, or the status it is told.
 */
final class FakeWatchedService implements AutoCloseable {

	static final int OFFSET = 100;

	static final Duration PACE = Duration.ofMillis(50);

	private final ServerSocket server;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger streaming = new AtomicInteger();

	private final AtomicInteger streamsEnded = new AtomicInteger();

	private volatile String state = "CORRECT";

	private volatile boolean silent;

	private volatile boolean answering = true;

	private volatile int watchStatus = 200;

	private volatile int healthStatus = 200;

	/** Streams end after this many lines; 0 for never. */
	private volatile int linesPerStream;

	FakeWatchedService() {
		this(0);
	}

	/** On a given port: a service started again where it was. */
	FakeWatchedService(int port) {
		try {
			server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().start(this::accept);
	}

	/** Where the supervisor finds it: its management port less the offset. */
	URI endpoint() {
		return URI.create("http://127.0.0.1:" + (server.getLocalPort() - OFFSET));
	}

	int port() {
		return server.getLocalPort();
	}

	void say(String state) {
		this.state = state;
	}

	void fallSilent(boolean silent) {
		this.silent = silent;
	}

	/** Accepts connections but answers no request: a frozen process. */
	void stopAnswering() {
		answering = false;
	}

	void answerWatchWith(int status) {
		watchStatus = status;
	}

	void answerHealthWith(int status) {
		healthStatus = status;
	}

	void endStreamsAfter(int lines) {
		linesPerStream = lines;
	}

	/** The request targets it was sent, in order. */
	List<String> requests() {
		return List.copyOf(requests);
	}

	int openStreams() {
		return streaming.get();
	}

	int streamsEnded() {
		return streamsEnded.get();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				connections.add(socket);
				Thread.ofVirtual().start(() -> serve(socket));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	/** Answers the connection's requests in turn, as keep-alive allows. */
	private void serve(Socket socket) {
		try (socket) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			for (String requestLine = in.readLine(); requestLine != null; requestLine = in.readLine()) {
				for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
					// Headers say nothing this fake needs.
				}
				if (!answering) {
					socket.getInputStream().transferTo(OutputStream.nullOutputStream());
					return;
				}
				String target = requestLine.split(" ")[1];
				requests.add(target);
				if (target.startsWith("/actuator/liveness-watch") && watchStatus == 200) {
					stream(out);
				}
				else {
					int status = target.startsWith("/actuator/liveness-watch") ? watchStatus : healthStatus;
					write(out, "HTTP/1.1 " + status + " Fake\r\nContent-Length: 0\r\n\r\n");
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// Killed, or the client left.
		}
		finally {
			connections.remove(socket);
		}
	}

	private void stream(OutputStream out) throws IOException, InterruptedException {
		streaming.incrementAndGet();
		try {
			write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
			for (int lines = 1; linesPerStream == 0 || lines <= linesPerStream; lines++) {
				if (!silent) {
					String line = state + " " + lines + "\n";
					write(out, Integer.toHexString(line.length()) + "\r\n" + line + "\r\n");
				}
				Thread.sleep(PACE);
			}
			write(out, "0\r\n\r\n");
			streamsEnded.incrementAndGet();
		}
		finally {
			streaming.decrementAndGet();
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/**
	 * Dies as a killed process does: the kernel closes its sockets, and connecting is
	 * refused from then on.
	 */
	void kill() {
		close();
	}

	@Override
	public void close() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// Closed either way.
		}
		connections.forEach(socket -> {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closed either way.
			}
		});
	}

}
