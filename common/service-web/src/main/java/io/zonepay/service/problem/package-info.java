/** Turns every failure a client can cause into an RFC 9457 problem with a stable code. */
@NullMarked
package io.zonepay.service.problem;

import org.jspecify.annotations.NullMarked;
