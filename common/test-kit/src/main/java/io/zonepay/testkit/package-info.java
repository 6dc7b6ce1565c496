/**
 * Real infrastructure for integration tests: one embedded PostgreSQL and one KRaft broker
 * per test JVM, and a driver that counts what a piece of work costs the database.
 */
@NullMarked
package io.zonepay.testkit;

import org.jspecify.annotations.NullMarked;
