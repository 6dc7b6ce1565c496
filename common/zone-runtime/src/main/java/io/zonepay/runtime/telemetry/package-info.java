/**
 * Traces and latency histograms every ZonePay process shares: exported only where a
 * backend is configured.
 */
@NullMarked
package io.zonepay.runtime.telemetry;

import org.jspecify.annotations.NullMarked;
