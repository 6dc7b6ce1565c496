package io.zonepay.config.routing;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.runtime.routing.RoutingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a fresh GZone database, stores the topology's routing table as epoch 1; afterwards the stored table is the
 * truth and the topology file is only its starting point.
 */
@Component
class RoutingBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RoutingBootstrap.class);

	private final RoutingStore store;

	private final Topology topology;

	private final RoutingTables tables;

	RoutingBootstrap(RoutingStore store, Topology topology, RoutingTables tables) {
		this.store = store;
		this.topology = topology;
		this.tables = tables;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (store.initialize(topology.initialRoutingTable())) {
			log.info("Stored the topology's routing table: {} zones, {} RZones", topology.zones().size(), topology.rzones().size());
		}
		RoutingTable current = store.current().orElseThrow();
		tables.offer(current);
		log.info("Serving routing table epoch {}", current.epoch());
	}
}
