/**
 * The error model: every failure a client can see has a stable code, an HTTP status and
 * an RFC 9457 type.
 */
@NullMarked
package io.zonepay.kernel.problem;

import org.jspecify.annotations.NullMarked;
