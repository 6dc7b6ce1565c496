/**
 * The moment a caller stops waiting, carried with a request from the gateway to every
 * service it reaches.
 */
@NullMarked
package io.zonepay.kernel.deadline;

import org.jspecify.annotations.NullMarked;
