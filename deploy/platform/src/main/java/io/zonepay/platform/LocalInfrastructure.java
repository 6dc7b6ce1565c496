package io.zonepay.platform;

import org.jspecify.annotations.Nullable;

/**
 * Where the shared infrastructure of a platform listens.
 *
 * @param postgresUrl JDBC URL of the PostgreSQL server, without a database name
 * ({@code jdbc:postgresql://localhost:15432/})
 * @param kafkaBootstrapServers the Kafka bootstrap servers
 * @param traceEndpoint where every service sends its traces (a Zipkin server's
 * {@code /api/v2/spans}), or none
 */
public record LocalInfrastructure(String postgresUrl, String postgresUser, String kafkaBootstrapServers,
		@Nullable String traceEndpoint) {

	/** Without a trace backend: the services record no traces. */
	public LocalInfrastructure(String postgresUrl, String postgresUser, String kafkaBootstrapServers) {
		this(postgresUrl, postgresUser, kafkaBootstrapServers, null);
	}

	public String jdbcUrl(String database) {
		return postgresUrl + database;
	}
}
