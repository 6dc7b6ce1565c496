/**
 * Spring Boot support that gateways and zone services share, whatever their web stack.
 */
@NullMarked
package io.zonepay.runtime;

import org.jspecify.annotations.NullMarked;
