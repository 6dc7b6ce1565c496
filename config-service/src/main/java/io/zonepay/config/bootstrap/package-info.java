/**
 * The first global data of an empty GZone: currencies, the topology's routing table and
 * default switches.
 */
@NullMarked
package io.zonepay.config.bootstrap;

import org.jspecify.annotations.NullMarked;
