/**
 * Benchmarks against a running local platform; each prints its figures and how to
 * reproduce them.
 */
package io.zonepay.bench;
