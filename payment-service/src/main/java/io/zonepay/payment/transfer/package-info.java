/**
 * Transfers between users: one posting inside a shard group, or a debit-credit-confirm
 * saga over Kafka across groups.
 */
@NullMarked
package io.zonepay.payment.transfer;

import org.jspecify.annotations.NullMarked;
