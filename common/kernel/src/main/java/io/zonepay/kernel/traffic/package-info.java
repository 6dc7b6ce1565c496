/**
 * Real or shadow: the tag of full-link load-test traffic, and the thread's current one.
 */
@NullMarked
package io.zonepay.kernel.traffic;

import org.jspecify.annotations.NullMarked;
