package io.zonepay.service.shardgroup;

import java.util.List;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;

/**
 * This zone released the leases of shards in a shard group, at a routing epoch: from now
 * on it neither serves nor writes them (published as a Spring application event).
 */
public record ShardsReleased(ShardGroupId group, List<Shard> shards, long epoch) {

	public ShardsReleased {
		shards = List.copyOf(shards);
	}

}
