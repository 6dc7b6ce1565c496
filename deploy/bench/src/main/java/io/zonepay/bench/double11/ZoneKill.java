package io.zonepay.bench.double11;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * {@code --kill-zone}: kills one RZone of the local platform for real ({@code ./zonepay
 * kill}, SIGKILL) at the peak, so that the report shows a failover under the spike; once
 * the load is over, starts it again and gives it back the shards it had, as an operator
 * would.
 */
final class ZoneKill {

	private static final Duration BACK_UP = Duration.ofSeconds(180);

	private final Http http;

	private final URI gateway;

	private final String admin;

	private final String zone;

	private final List<Integer> shards = new ArrayList<>();

	ZoneKill(Http http, URI gateway, String admin, String zone) throws Exception {
		this.http = http;
		this.gateway = gateway;
		this.admin = admin;
		this.zone = zone;
		JsonNode routing = http.setUp(Http.get(gateway.resolve("/admin/routing"), admin), 200);
		routing.get("shards").properties().forEach(shard -> {
			if (shard.getValue().asString().equals(zone)) {
				shards.add(Integer.parseInt(shard.getKey()));
			}
		});
		if (shards.isEmpty()) {
			throw new IllegalArgumentException("--kill-zone " + zone + ": the routing table gives it no shard");
		}
	}

	void kill() {
		zonepay("kill");
		System.out.printf("killed %s (shards %s)%n", zone,
				shards.size() > 1 ? shards.getFirst() + "-" + shards.getLast() : shards.getFirst());
	}

	/**
	 * Starts the zone again, waits for the GZone to see it up, and moves its shards back.
	 */
	void restore() throws Exception {
		zonepay("start");
		long deadline = System.nanoTime() + BACK_UP.toNanos();
		while (!up()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(zone + " was not UP at the GZone within " + BACK_UP.toSeconds()
						+ " s; give it its shards back with POST /admin/routing/moves once it is");
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
		JsonNode moved = http.setUp(Http.post(gateway.resolve("/admin/routing/moves"), admin, null,
				"{\"shards\": " + shards + ", \"toZone\": \"" + zone + "\"}"), 200);
		System.out.printf("%s is back with its shards (epoch %d)%n", zone, moved.path("epoch").asLong());
	}

	private boolean up() throws Exception {
		for (JsonNode known : http.setUp(Http.get(gateway.resolve("/admin/zones"), admin), 200).get("zones")) {
			if (zone.equals(known.path("zoneId").asString()) && "UP".equals(known.path("status").asString())) {
				return true;
			}
		}
		return false;
	}

	private void zonepay(String command) {
		try {
			Process process = new ProcessBuilder("./zonepay", command, zone).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("./zonepay " + command + " " + zone + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("cannot run ./zonepay " + command + " " + zone, ex);
		}
	}

}
