/** The tables that service-support's features keep in every service's database, migrated by Flyway. */
@NullMarked
package io.zonepay.service.schema;

import org.jspecify.annotations.NullMarked;
