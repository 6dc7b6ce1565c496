package io.zonepay.config.replica;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.runtime.routing.RoutingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a copy that fell behind a living writer from a copy whose writer is gone. A fresh
 * copy hears the GZone's heartbeats: the writer lives. A stale one asks the GZone itself;
 * when it cannot reach it either, it asks every other CZone whether it can, and what
 * version it holds. Only when none of them reaches the GZone and none holds anything
 * newer (or the topology has no other copy) is the writer unavailable: no write can be
 * happening that this copy misses, so its last applied version is the newest there is,
 * and it may serve it, saying so. A copy that cannot hear the other city assumes nothing:
 * a writer cut off from it alone may still be writing elsewhere.
 */
final class WriterWatch {

	private static final Logger log = LoggerFactory.getLogger(WriterWatch.class);

	private static final String WATERMARK = "/api/global/watermark";

	private final ReplicaState state;

	private final GzoneClient gzone;

	private final RoutingTables tables;

	private final ZoneId self;

	private final HttpClient http;

	private final Duration timeout;

	private final JsonMapper json;

	private final CallerSigner signer;

	private volatile boolean reachable = true;

	private volatile boolean unavailable;

	WriterWatch(ReplicaState state, GzoneClient gzone, RoutingTables tables, ZoneId self, Duration timeout,
			JsonMapper json, CallerSigner signer) {
		this.state = state;
		this.gzone = gzone;
		this.tables = tables;
		this.self = self;
		this.timeout = timeout;
		this.json = json;
		this.signer = signer;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
	}

	/**
	 * Whether the writer is unavailable everywhere this copy can ask: its last applied
	 * version may then be served.
	 */
	boolean writerUnavailable() {
		return unavailable && !state.fresh();
	}

	/**
	 * Whether this copy itself hears the writer: its heartbeats, or an answer to a direct
	 * question.
	 */
	boolean writerReachable() {
		return state.fresh() || reachable;
	}

	/**
	 * One look: cheap while the copy is fresh, a question to the GZone (and the other
	 * copies) when it is not.
	 */
	void check() {
		if (state.fresh()) {
			reachable = true;
			settle(false, "the GZone's heartbeats arrive again");
			return;
		}
		reachable = gzone.reachable();
		if (reachable) {
			settle(false, "the GZone answers again; this copy is behind it");
			return;
		}
		if (state.position() == null) {
			// A copy that never had any data has no version to call the newest.
			settle(false, "this copy holds no data yet");
			return;
		}
		List<Peer> peers = peers();
		long mine = state.watermark().version();
		List<Peer> answered = peers.stream().filter(Peer::answered).toList();
		boolean gone = peers.isEmpty() || !answered.isEmpty()
				&& answered.stream().noneMatch(peer -> peer.writerReachable() || peer.version() > mine);
		settle(gone,
				gone ? "neither this copy nor "
						+ (peers.isEmpty() ? "any other" : answered.stream().map(Peer::zone).toList())
						+ " reaches the GZone; serving version " + mine + ", the newest there is"
						: "another copy reaches the GZone, holds a newer version, or cannot be asked");
	}

	private void settle(boolean gone, String why) {
		if (gone != unavailable) {
			if (gone) {
				log.warn("The writer is unavailable: {}", why);
			}
			else {
				log.info("The writer is available: {}", why);
			}
		}
		unavailable = gone;
	}

	/**
	 * Every other CZone of the routing table, each asked once with a bound; one that does
	 * not answer says nothing.
	 */
	private List<Peer> peers() {
		RoutingTable table = tables.current();
		List<Peer> peers = new ArrayList<>();
		if (table == null) {
			return peers;
		}
		table.zones()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.CZONE && !zone.id().equals(self))
			.forEach(
					zone -> zone.endpoint("config").ifPresent(endpoint -> peers.add(ask(zone.id().value(), endpoint))));
		return peers;
	}

	private Peer ask(String zone, URI endpoint) {
		try {
			HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(WATERMARK))
				.timeout(timeout)
				.header("Accept", "application/json")
				.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", WATERMARK, null))
				.GET()
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return Peer.silent(zone);
			}
			JsonNode watermark = json.readTree(response.body());
			return new Peer(zone, true,
					Optional.ofNullable(watermark.get("writerReachable")).map(JsonNode::asBoolean).orElse(true),
					watermark.get("version").asLong());
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return Peer.silent(zone);
		}
	}

	/**
	 * What another copy said: whether it answered, whether it reaches the GZone, the
	 * version it holds.
	 */
	private record Peer(String zone, boolean answered, boolean writerReachable, long version) {

		static Peer silent(String zone) {
			return new Peer(zone, false, true, 0);
		}
	}

}
