/** What an RZone service gets by depending on service-data. */
@NullMarked
package io.zonepay.service.data;

import org.jspecify.annotations.NullMarked;
