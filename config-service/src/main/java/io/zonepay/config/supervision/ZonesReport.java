package io.zonepay.config.supervision;

import java.util.List;

/**
 * {@code GET /admin/zones}: every zone of the newest routing table, by id, with that
 * table's epoch.
 */
record ZonesReport(long epoch, List<ZoneReport> zones) {
}
