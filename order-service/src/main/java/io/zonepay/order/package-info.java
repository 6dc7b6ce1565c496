/** order-service: the orders of one shard group's users. Its domain arrives with the payment-domain issue. */
@NullMarked
package io.zonepay.order;

import org.jspecify.annotations.NullMarked;
