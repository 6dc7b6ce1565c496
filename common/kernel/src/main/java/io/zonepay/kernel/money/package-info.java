/** Money as whole minor units of an ISO 4217 currency: never floating point. */
@NullMarked
package io.zonepay.kernel.money;

import org.jspecify.annotations.NullMarked;
