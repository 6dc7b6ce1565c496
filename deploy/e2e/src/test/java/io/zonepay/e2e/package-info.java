/**
 * End-to-end suites: a multi-zone topology in one JVM, on real PostgreSQL and Kafka,
 * driven through its gateways.
 */
@NullMarked
package io.zonepay.e2e;

import org.jspecify.annotations.NullMarked;
