package io.zonepay.account.user;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.zonepay.kernel.id.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users of this shard group, in SQL: each read and each write one statement. */
@Repository
class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(User user) {
		jdbc.sql("insert into users (id, name, shard, created_at) values (?, ?, ?, ?)")
			.params(user.id().value(), user.name(), user.shard().value(), at(user.createdAt()))
			.update();
	}

	Optional<User> findById(UserId id) {
		return jdbc.sql("select name, created_at from users where id = ?")
			.param(id.value())
			.query((row, number) -> new User(id, row.getString("name"),
					row.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Those of these users that are here. */
	Set<UserId> existing(Collection<UserId> ids) {
		Set<UserId> existing = new HashSet<>();
		jdbc.sql("select id from users where id = any(?::bigint[])")
			.param(ids.stream().mapToLong(UserId::value).distinct().toArray())
			.query(row -> {
				existing.add(new UserId(row.getLong(1)));
			});
		return existing;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
