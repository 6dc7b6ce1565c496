package io.zonepay.service.messaging;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.shardgroup.ShardScopes;
import org.jspecify.annotations.Nullable;
import io.zonepay.service.zone.ZoneProperties;

/**
 * Makes a {@link ShardedConsumer} for a topic and handler; declare the result as a bean
 * so it starts and stops with the service.
 */
public final class ShardedConsumers {

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> producerConfig;

	private final RoutingTables tables;

	private final ZoneProperties zone;

	private final MeterRegistry registry;

	private final @Nullable ShardScopes scopes;

	private final MessageTracing tracing;

	ShardedConsumers(Map<String, Object> consumerConfig, Map<String, Object> producerConfig, RoutingTables tables,
			ZoneProperties zone, MeterRegistry registry, @Nullable ShardScopes scopes, MessageTracing tracing) {
		this.scopes = scopes;
		this.tracing = tracing;
		this.consumerConfig = consumerConfig;
		this.producerConfig = producerConfig;
		this.tables = tables;
		this.zone = zone;
		this.registry = registry;
	}

	public ShardedConsumer consumer(ConsumerSettings settings, EventHandler handler) {
		return new ShardedConsumer(settings, consumerConfig, producerConfig, tables, zone.id(), handler, registry,
				scopes, tracing);
	}

}
