/**
 * The inbox: which events a consumer has processed, so that redelivery changes nothing.
 */
@NullMarked
package io.zonepay.service.inbox;

import org.jspecify.annotations.NullMarked;
