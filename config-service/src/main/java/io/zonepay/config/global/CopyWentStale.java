package io.zonepay.config.global;

/**
 * A CZone's copy is older than its staleness bound: from now on it answers readers from
 * the GZone, so readers it holds on a long poll must ask again rather than wait for a
 * change the copy is not receiving.
 */
public record CopyWentStale() {
}
