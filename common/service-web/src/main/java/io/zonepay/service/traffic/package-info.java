/**
 * Shadow traffic in a service: the tag of a request read from its signed caller
 * assertion, bound for the request, refused where it cannot be kept apart.
 */
@NullMarked
package io.zonepay.service.traffic;

import org.jspecify.annotations.NullMarked;
