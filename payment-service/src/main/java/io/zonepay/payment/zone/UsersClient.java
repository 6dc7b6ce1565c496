package io.zonepay.payment.zone;

import io.zonepay.kernel.id.UserId;

import org.springframework.http.HttpMethod;

/**
 * account-service, for whether a user lives in this zone's shard group. Reads are
 * idempotent and retried.
 */
public final class UsersClient {

	private final ZoneClient account;

	UsersClient(ZoneClient account) {
		this.account = account;
	}

	/**
	 * @throws ZoneUnreachable when account-service cannot say
	 */
	public boolean exists(UserId user) {
		ZoneClient.Answer answer = account.call(HttpMethod.GET, "/internal/users/" + user, null, true);
		return switch (answer.status()) {
			case 200 -> true;
			case 404 -> false;
			default -> throw new IllegalStateException(
					"account-service answered " + answer.status() + " for user " + user + ": " + answer.body());
		};
	}

}
