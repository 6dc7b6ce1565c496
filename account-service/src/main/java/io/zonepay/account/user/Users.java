package io.zonepay.account.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.zonepay.kernel.id.UserId;

import org.springframework.data.repository.Repository;

/** The users of this shard group. */
interface Users extends Repository<User, UserId> {

	User save(User user);

	Optional<User> findById(UserId id);

	List<User> findByIdIn(Collection<UserId> ids);

}
