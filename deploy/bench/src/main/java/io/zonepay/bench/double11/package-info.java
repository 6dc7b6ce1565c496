/**
 * The Double-11 load test: finds the platform's capacity, then offers multiples of it in
 * an open loop shaped like the midnight spike, and records every second.
 */
@NullMarked
package io.zonepay.bench.double11;

import org.jspecify.annotations.NullMarked;
