/** The business id generator of this process. */
@NullMarked
package io.zonepay.service.ids;

import org.jspecify.annotations.NullMarked;
