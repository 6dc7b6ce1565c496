package io.zonepay.platform;

/**
 * Where the shared infrastructure of a platform listens.
 * @param postgresUrl JDBC URL of the PostgreSQL server, without a database name ({@code jdbc:postgresql://localhost:15432/})
 * @param kafkaBootstrapServers the Kafka bootstrap servers
 */
public record LocalInfrastructure(String postgresUrl, String postgresUser, String kafkaBootstrapServers) {

	public String jdbcUrl(String database) {
		return postgresUrl + database;
	}
}
