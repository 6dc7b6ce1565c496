/**
 * One instance at a time for work that must not run twice at once, such as publishing an
 * outbox in order.
 */
@NullMarked
package io.zonepay.service.leadership;

import org.jspecify.annotations.NullMarked;
