/**
 * Service defaults for every servlet-based zone service: the eShop-style shared kernel,
 * not a DTO jar.
 */
@NullMarked
package io.zonepay.service;

import org.jspecify.annotations.NullMarked;
