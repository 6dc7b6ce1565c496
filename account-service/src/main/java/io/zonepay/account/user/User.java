package io.zonepay.account.user;

import java.time.Instant;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.zone.Shard;

/**
 * A user of ZonePay; lives in the shard group of its shard, like everything it owns.
 *
 * @param id carries the user's shard in its last two digits
 */
record User(UserId id, String name, Instant createdAt) {

	static User register(UserId id, String name, Instant now) {
		return new User(id, name, now);
	}

	Shard shard() {
		return id.shard();
	}

}
