package io.zonepay.service.schema;

/**
 * The tables of one module feature (the shard leases, the idempotency keys, the inbox),
 * migrated in the databases of the services that use the feature, and only theirs, right
 * after each service's own migrations. Each feature has a history table of its own, so
 * its versions never collide with a service's or another feature's.
 *
 * @param location where the feature's migrations are, such as
 * {@code classpath:db/zonepay-inbox}
 * @param historyTable the feature's Flyway history table in each database
 */
public record ModuleSchema(String location, String historyTable) {
}
