/**
 * Checks of the README and docs: their links lead somewhere and the README stays short
 * enough to be read.
 */
@NullMarked
package io.zonepay.manifests.docs;

import org.jspecify.annotations.NullMarked;
