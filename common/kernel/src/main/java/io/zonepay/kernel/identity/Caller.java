package io.zonepay.kernel.identity;

import java.util.Set;

import io.zonepay.kernel.id.UserId;

import org.jspecify.annotations.Nullable;

/**
 * Who a request comes from.
 *
 * @param user the user, or {@code null} for an anonymous request (signing up) or a system
 * call
 */
public record Caller(@Nullable UserId user, Set<Role> roles) {

	public Caller {
		roles = Set.copyOf(roles);
	}

	public static Caller user(UserId user, Set<Role> roles) {
		return new Caller(user, roles);
	}

	public static Caller anonymous() {
		return new Caller(null, Set.of());
	}

	public static Caller system() {
		return new Caller(null, Set.of(Role.SYSTEM));
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * Whether this caller may read or move the money of the given user: only its own,
	 * unless an admin.
	 */
	public boolean mayActFor(UserId owner) {
		return has(Role.ADMIN) || owner.equals(user);
	}

	/** A stable name for scoping per-caller data such as idempotency keys. */
	public String scope() {
		if (user != null) {
			return "user:" + user;
		}
		return roles.contains(Role.SYSTEM) ? "system" : "anonymous";
	}
}
