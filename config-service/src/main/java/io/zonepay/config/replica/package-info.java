/**
 * CZone: applies the change log exactly once, knows how stale it is, and never serves
 * data older than the bound.
 */
@NullMarked
package io.zonepay.config.replica;

import org.jspecify.annotations.NullMarked;
