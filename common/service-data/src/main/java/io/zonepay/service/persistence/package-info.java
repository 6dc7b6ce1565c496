/**
 * How the kernel's values are stored by JPA entities: typed ids as their {@code bigint}
 * column, money as its amount and currency columns. Here rather than in the kernel, which
 * stays free of JPA.
 */
@NullMarked
package io.zonepay.service.persistence;

import org.jspecify.annotations.NullMarked;
