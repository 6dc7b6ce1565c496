package io.zonepay.account.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Type;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.persistence.TypedIdType;

import org.springframework.data.domain.Persistable;

/** A user of ZonePay; lives in the shard group of its shard, like everything it owns. */
@Entity
@Table(name = "users")
class User implements Persistable<UserId> {

	@Id
	@Type(TypedIdType.class)
	private UserId id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(nullable = false)
	private short shard;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/**
	 * Its id is assigned before it is stored, so it says itself whether it is new: a
	 * sign-up inserts without a look-up.
	 */
	@Transient
	private boolean stored = true;

	protected User() {
		// for JPA
	}

	private User(UserId id, String name, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.shard = (short) id.shard().value();
		this.createdAt = createdAt;
		this.stored = false;
	}

	static User register(UserId id, String name, Instant now) {
		return new User(id, name, now);
	}

	@Override
	public UserId getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return !stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		stored = true;
	}

	UserId id() {
		return id;
	}

	String name() {
		return name;
	}

	Shard shard() {
		return Shard.of(shard);
	}

	Instant createdAt() {
		return createdAt;
	}

}
