/** The business id generator of this process, and typed ids in paths and JSON. */
@NullMarked
package io.zonepay.service.ids;

import org.jspecify.annotations.NullMarked;
