/**
 * Verifies the gateway's signed caller assertion on every request and hands the caller to
 * controllers.
 */
@NullMarked
package io.zonepay.service.identity;

import org.jspecify.annotations.NullMarked;
