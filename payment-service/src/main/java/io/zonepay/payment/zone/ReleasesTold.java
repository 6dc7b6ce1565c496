package io.zonepay.payment.zone;

import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.shardgroup.ShardsReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;

/**
 * Tells the zone's ledger and orders when this service released shards: a payment's calls
 * to them happen within its own work, so once it released a shard they get none for it
 * and release theirs as soon as their own work in flight is done, instead of after their
 * quiet bound (a split's pause is the slowest service's release). Each word goes on a
 * thread of its own, bounded by the client's timeout and retries; a word lost only leaves
 * the callee to its quiet bound.
 */
final class ReleasesTold {

	private static final Logger log = LoggerFactory.getLogger(ReleasesTold.class);

	/** This service's name in the routing table, as the callees know their callers. */
	static final String SELF = "payment";

	private final Map<String, ZoneClient> callees;

	ReleasesTold(Map<String, ZoneClient> callees) {
		this.callees = Map.copyOf(callees);
	}

	@EventListener
	void released(ShardsReleased released) {
		Map<String, Object> word = Map.of("service", SELF, "epoch", released.epoch(), "shards",
				released.shards().stream().map(Shard::value).toList());
		callees.forEach((name, callee) -> Thread.ofVirtual()
			.name("releases-told-" + name)
			.start(() -> tell(name, callee, word, released.shards())));
	}

	private static void tell(String name, ZoneClient callee, Map<String, Object> word, List<Shard> shards) {
		try {
			ZoneClient.Answer answer = callee.call(HttpMethod.POST, "/internal/shard-leases/released", word, true);
			if (answer.status() != 200) {
				log.warn("{} answered {} when told of the release of {}: {}; it releases after its quiet bound", name,
						answer.status(), shards, answer.body());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot tell {} of the release of {} ({}); it releases after its quiet bound", name, shards,
					ex.toString());
		}
	}

}
