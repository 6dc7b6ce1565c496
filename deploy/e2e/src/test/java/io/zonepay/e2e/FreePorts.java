package io.zonepay.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import io.zonepay.platform.ServiceArguments;

/**
 * Ports for a test topology: each one free together with its management port (port +
 * 100), and below the kernel's ephemeral range, so that no outgoing connection made while
 * the topology starts can take a port before its service binds it.
 */
final class FreePorts {

	private static final int MAX_ATTEMPTS = 1000;

	private static final int LOWEST = 20_000;

	private static final int HIGHEST = Math.max(LOWEST + 5_000,
			ephemeralLow() - ServiceArguments.MANAGEMENT_PORT_OFFSET - 1);

	private final Set<Integer> taken = new HashSet<>();

	int next() {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int port = LOWEST + (int) (Math.random() * (HIGHEST - LOWEST));
			int management = port + ServiceArguments.MANAGEMENT_PORT_OFFSET;
			if (!taken.contains(port) && !taken.contains(management) && free(port) && free(management)) {
				taken.add(port);
				taken.add(management);
				return port;
			}
		}
		throw new IllegalStateException("no free port pair after " + MAX_ATTEMPTS + " attempts");
	}

	/**
	 * The first port the kernel hands out to outgoing connections (Linux; 32768 where it
	 * cannot be read).
	 */
	private static int ephemeralLow() {
		try {
			return Integer
				.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 32_768;
		}
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
