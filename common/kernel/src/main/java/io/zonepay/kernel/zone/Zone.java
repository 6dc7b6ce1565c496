package io.zonepay.kernel.zone;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A zone as the routing table knows it.
 *
 * @param endpoints base URL of each service the zone runs, by service name
 * ({@code account}, {@code config}, ...)
 */
public record Zone(ZoneId id, ZoneKind kind, CityId city, ZoneStatus status, Map<String, URI> endpoints) {

	public Zone {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(city, "city");
		Objects.requireNonNull(status, "status");
		endpoints = Map.copyOf(endpoints);
	}

	public Optional<URI> endpoint(String service) {
		return Optional.ofNullable(endpoints.get(service));
	}

	public Zone withStatus(ZoneStatus newStatus) {
		return new Zone(id, kind, city, newStatus, endpoints);
	}
}
