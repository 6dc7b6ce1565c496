package io.zonepay.account.user;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.zone.Shard;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	@Transactional
	User register(String name, Shard shard) {
		return users.save(User.register(ids.next(shard, UserId::new), name, clock.instant()));
	}

	@Transactional(readOnly = true)
	Optional<User> find(UserId id) {
		return users.findById(id);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(UserId user) {
		return users.findById(user).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UserId> existing(Collection<UserId> candidates) {
		if (candidates.isEmpty()) {
			return Set.of();
		}
		return users.findByIdIn(Set.copyOf(candidates)).stream().map(User::id).collect(Collectors.toUnmodifiableSet());
	}

}
