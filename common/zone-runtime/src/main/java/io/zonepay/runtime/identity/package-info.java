/**
 * The shared key that gateways sign caller assertions with and services verify them with.
 */
@NullMarked
package io.zonepay.runtime.identity;

import org.jspecify.annotations.NullMarked;
