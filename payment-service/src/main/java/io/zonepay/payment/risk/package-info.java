/**
 * Risk control in the zone: each user's features kept with the shard's data, an ordered
 * policy and a small model judging every payment and transfer, every decision recorded.
 */
@NullMarked
package io.zonepay.payment.risk;

import org.jspecify.annotations.NullMarked;
