package io.zonepay.account.user;

import io.zonepay.kernel.id.UserId;

/** Whether a user lives in this shard group; the ledger asks before it opens accounts. */
public interface UserDirectory {

	boolean exists(UserId user);

}
