/** Signing users up in the shard the gateway routed them to, and reading them back. */
@NullMarked
package io.zonepay.account.user;

import org.jspecify.annotations.NullMarked;
