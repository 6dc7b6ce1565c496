/**
 * Overload protection: each zone's adaptive concurrency limit at the gateway, shedding
 * the lowest priority class first.
 */
@NullMarked
package io.zonepay.gateway.admission;

import org.jspecify.annotations.NullMarked;
