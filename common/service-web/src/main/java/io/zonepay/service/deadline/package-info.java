/**
 * Requests carry their caller's deadline; work nobody waits for any more is refused
 * before it starts.
 */
@NullMarked
package io.zonepay.service.deadline;

import org.jspecify.annotations.NullMarked;
