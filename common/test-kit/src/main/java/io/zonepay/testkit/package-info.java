/**
 * Real infrastructure for integration tests: one embedded PostgreSQL and one KRaft broker
 * per test JVM.
 */
@NullMarked
package io.zonepay.testkit;

import org.jspecify.annotations.NullMarked;
