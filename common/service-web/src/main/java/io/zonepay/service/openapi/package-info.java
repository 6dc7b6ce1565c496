/**
 * Each service's OpenAPI document, made to tell the truth about answers, headers,
 * problems and ids.
 */
@NullMarked
package io.zonepay.service.openapi;

import org.jspecify.annotations.NullMarked;
