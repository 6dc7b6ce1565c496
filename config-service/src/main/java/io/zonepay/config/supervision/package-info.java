/**
 * The GZone's zone supervisor: checks every RZone's health, fails dead zones over, and
 * serves the operators' zone commands.
 */
@NullMarked
package io.zonepay.config.supervision;

import org.jspecify.annotations.NullMarked;
