/**
 * What a Double-11 run recorded, and the self-contained HTML report made of it.
 */
@NullMarked
package io.zonepay.bench.report;

import org.jspecify.annotations.NullMarked;
