package io.zonepay.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import io.zonepay.platform.ServiceArguments;

/** Ports for a test topology: each one free together with its management port (port + 100). */
final class FreePorts {

	private static final int MAX_ATTEMPTS = 1000;

	private final Set<Integer> taken = new HashSet<>();

	int next() {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int port = 20_000 + (int) (Math.random() * 30_000);
			int management = port + ServiceArguments.MANAGEMENT_PORT_OFFSET;
			if (!taken.contains(port) && !taken.contains(management) && free(port) && free(management)) {
				taken.add(port);
				taken.add(management);
				return port;
			}
		}
		throw new IllegalStateException("no free port pair after " + MAX_ATTEMPTS + " attempts");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return socket.isBound();
		}
		catch (IOException ex) {
			return false;
		}
	}
}
