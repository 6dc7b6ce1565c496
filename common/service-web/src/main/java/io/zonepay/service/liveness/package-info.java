/**
 * The liveness watch: a service streams its liveness, a line a beat, to those who watch
 * it (the GZone's supervisor) instead of answering a health request every beat.
 */
@NullMarked
package io.zonepay.service.liveness;

import org.jspecify.annotations.NullMarked;
