package io.zonepay.service.shardgroup;

import java.util.List;
import java.util.Objects;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/shard-leases/released}: a service of this zone that calls this
 * one within a shard's work says it released shards at an epoch, so this one releases
 * them as soon as its own work in flight is done instead of after its quiet bound.
 * Answers whether this service waits for that caller's word ({@code heeded}).
 */
@RestController
class ShardLeaseController {

	private final ShardLeases leases;

	ShardLeaseController(ShardLeases leases) {
		this.leases = leases;
	}

	@PostMapping("/internal/shard-leases/released")
	Heeded released(@RequestBody Released word, Caller caller) {
		if (!caller.has(Role.SYSTEM)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "only ZonePay's own services say what they released");
		}
		if (word.service() == null || word.service().isBlank() || word.epoch() < 1 || word.shards() == null
				|| word.shards().isEmpty() || word.shards().size() > Shard.COUNT
				|| word.shards().stream().anyMatch(Objects::isNull)) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"a release names the service, its epoch (1 or more) and 1 to " + Shard.COUNT + " shards");
		}
		List<Shard> shards;
		try {
			shards = word.shards().stream().map(Shard::of).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, ex.getMessage());
		}
		return new Heeded(leases.releasedBy(word.service(), shards, word.epoch()));
	}

	record Released(@Nullable String service, long epoch, @Nullable List<Integer> shards) {
	}

	record Heeded(boolean heeded) {
	}

}
