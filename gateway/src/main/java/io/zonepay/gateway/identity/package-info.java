/**
 * Who is calling: bearer tokens verified at the edge, development tokens for local use,
 * and the access rules.
 */
@NullMarked
package io.zonepay.gateway.identity;

import org.jspecify.annotations.NullMarked;
