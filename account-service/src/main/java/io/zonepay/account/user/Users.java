package io.zonepay.account.user;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The users of this shard group. */
interface Users extends Repository<User, Long> {

	User save(User user);

	Optional<User> findById(long id);
}
