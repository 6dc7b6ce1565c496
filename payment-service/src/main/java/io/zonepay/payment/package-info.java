/**
 * payment-service: payments, refunds and transfers of one shard group's users. Its domain
 * arrives with the payment-domain issue.
 */
@NullMarked
package io.zonepay.payment;

import org.jspecify.annotations.NullMarked;
