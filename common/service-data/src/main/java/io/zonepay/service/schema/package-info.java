/**
 * The tables of the module features a service uses, migrated by Flyway in its databases
 * after its own.
 */
@NullMarked
package io.zonepay.service.schema;

import org.jspecify.annotations.NullMarked;
