/**
 * Shadow storage: the shadow schema of every shard group's database, where full-link
 * load-test traffic reads and writes, migrated with the real one.
 */
@NullMarked
package io.zonepay.service.shadow;

import org.jspecify.annotations.NullMarked;
