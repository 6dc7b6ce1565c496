/**
 * What every zone service's controller slice tests take: callers, ids, problems and
 * first-time idempotent requests.
 */
@NullMarked
package io.zonepay.service.slice;

import org.jspecify.annotations.NullMarked;
