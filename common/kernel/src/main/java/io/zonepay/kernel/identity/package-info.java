/**
 * Who is calling: the caller the gateway authenticated, carried to services in a signed,
 * expiring assertion.
 */
@NullMarked
package io.zonepay.kernel.identity;

import org.jspecify.annotations.NullMarked;
