/**
 * Bounded work: a service takes no more requests at once than it can finish within their
 * callers' deadlines, and refuses the rest at once.
 */
@NullMarked
package io.zonepay.service.work;

import org.jspecify.annotations.NullMarked;
