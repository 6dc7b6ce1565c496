/** Problems the gateway answers itself, in the same RFC 9457 shape as the services'. */
@NullMarked
package io.zonepay.gateway.problem;

import org.jspecify.annotations.NullMarked;
