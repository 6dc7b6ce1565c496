/**
 * Risk policies at the GZone: the enforced one and a shadow candidate, set, promoted and
 * backtested by operators.
 */
@NullMarked
package io.zonepay.config.risk;

import org.jspecify.annotations.NullMarked;
