/**
 * order-service: the orders of one shard group's users, and their lives as payments and
 * refunds happen.
 */
@NullMarked
package io.zonepay.order;

import org.jspecify.annotations.NullMarked;
