/** Who this zone is, and the guard that makes it refuse shards it does not serve. */
@NullMarked
package io.zonepay.service.zone;

import org.jspecify.annotations.NullMarked;
