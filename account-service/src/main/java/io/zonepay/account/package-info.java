/**
 * account-service: users, their accounts and the double-entry ledger of one shard group.
 */
@NullMarked
package io.zonepay.account;

import org.jspecify.annotations.NullMarked;
