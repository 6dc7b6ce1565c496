/**
 * The city gateway: authenticates callers and routes every request to the zone that
 * serves its shard.
 */
@NullMarked
package io.zonepay.gateway;

import org.jspecify.annotations.NullMarked;
