package io.zonepay.account.user;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.zone.Shard;

import org.springframework.stereotype.Service;

/** Signs users up with ids that carry their shard, and finds them again. */
@Service
class UserRegistration implements UserDirectory {

	private final Users users;

	private final IdGenerator ids;

	private final Clock clock;

	UserRegistration(Users users, IdGenerator ids, Clock clock) {
		this.users = users;
		this.ids = ids;
		this.clock = clock;
	}

	User register(String name, Shard shard) {
		User user = User.register(ids.next(shard, UserId::new), name, clock.instant());
		users.insert(user);
		return user;
	}

	Optional<User> find(UserId id) {
		return users.findById(id);
	}

	@Override
	public boolean exists(UserId user) {
		return users.findById(user).isPresent();
	}

	/**
	 * One statement, in the caller's transaction if it has one: the ledger's writer asks
	 * it in every batch.
	 */
	@Override
	public Set<UserId> existing(Collection<UserId> candidates) {
		if (candidates.isEmpty()) {
			return Set.of();
		}
		return users.existing(candidates);
	}

}
