package io.zonepay.config.bootstrap;

import java.util.List;

import io.zonepay.config.currency.Currencies;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.routing.RoutingStore;
import io.zonepay.config.switches.SwitchStore;
import io.zonepay.kernel.global.SwitchDefinition;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.runtime.global.GlobalViewDocument.CurrencyDocument;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.runtime.routing.RoutingTableDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives an empty GZone its first global data, through the change log like every later
 * write: the currencies, the topology's routing table at epoch 1 and every switch at its
 * default. Afterwards the stored data is the truth and the topology file only its
 * starting point.
 */
@Component
@Profile("!czone & !standby")
class GlobalBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GlobalBootstrap.class);

	private static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR", "JPY", "HKD", "GBP", "SGD");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Topology topology;

	private final Currencies currencies;

	private final RoutingStore routing;

	private final SwitchStore switches;

	private final EntityStore entities;

	private final RoutingTables tables;

	private final JsonMapper json;

	GlobalBootstrap(JdbcClient jdbc, TransactionTemplate transactions, Topology topology, Currencies currencies,
			RoutingStore routing, SwitchStore switches, EntityStore entities, RoutingTables tables, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.topology = topology;
		this.currencies = currencies;
		this.routing = routing;
		this.switches = switches;
		this.entities = entities;
		this.tables = tables;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> {
			// Locks the version row: of two GZone instances starting at once, one seeds
			// and the other sees it done.
			long version = jdbc.sql("select version from global_version for update").query(Long.class).single();
			if (version == 0) {
				seed();
			}
		});
		entities.find(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE)
			.map(entity -> json.treeToValue(entity.document(), RoutingTableDocument.class).toRoutingTable())
			.ifPresent(tables::offer);
		log.info("Serving global data at version {}, routing epoch {}",
				jdbc.sql("select version from global_version").query(Long.class).single(), tables.epoch());
	}

	private void seed() {
		CURRENCIES
			.forEach(code -> currencies.put(new CurrencyDocument(code, CurrencyCode.of(code).minorUnitDigits(), true)));
		routing.replace(topology.initialRoutingTable());
		switches.put("risk.mode", SwitchDefinition.RISK_MODE.defaultValue());
		switches.put("transfers.crossZone.enabled", SwitchDefinition.CROSS_ZONE_TRANSFERS.defaultValue());
		switches.put("failover.auto", SwitchDefinition.AUTOMATIC_FAILOVER.defaultValue());
		CURRENCIES.forEach(
				code -> switches.put("payments.maxAmount." + code, SwitchDefinition.MAX_PAYMENT_AMOUNT.defaultValue()));
		topology.rzones()
			.forEach(zone -> switches.put("zone." + zone.id() + ".acceptingPayments",
					SwitchDefinition.ZONE_ACCEPTING_PAYMENTS.defaultValue()));
		log.info("Seeded global data: {} currencies, routing epoch 1 from the topology, default switches",
				CURRENCIES.size());
	}

}
