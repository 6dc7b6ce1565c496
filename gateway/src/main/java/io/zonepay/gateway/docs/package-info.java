/**
 * Swagger UI and every service's OpenAPI document, served by each gateway from live
 * zones.
 */
@NullMarked
package io.zonepay.gateway.docs;

import org.jspecify.annotations.NullMarked;
