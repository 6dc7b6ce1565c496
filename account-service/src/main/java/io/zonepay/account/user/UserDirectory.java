package io.zonepay.account.user;

import java.util.Collection;
import java.util.Set;

import io.zonepay.kernel.id.UserId;

/** Whether a user lives in this shard group; the ledger asks before it opens accounts. */
public interface UserDirectory {

	boolean exists(UserId user);

	/** Those of these users that live in this shard group, in one look-up. */
	Set<UserId> existing(Collection<UserId> users);

}
