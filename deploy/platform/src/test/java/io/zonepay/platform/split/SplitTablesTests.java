package io.zonepay.platform.split;

import java.util.List;

import io.zonepay.kernel.zone.ShardSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SplitTablesTests {

	@Test
	void everyBusinessTableIsFilteredByItsShardAndTheOutboxAndInboxAreNotPublished() {
		List<String> payment = SplitTables.of("payment", ShardSet.of("8-9"))
			.stream()
			.map(SplitTables.Table::published)
			.toList();

		assertThat(payment).containsExactly("payments where (id % 100 in (8, 9))", "refunds where (id % 100 in (8, 9))",
				"transfers where (id % 100 in (8, 9))", "risk_features where (user_id % 100 in (8, 9))",
				"risk_decisions where (shard in (8, 9))",
				"idempotency_keys where (caller like 'user:%' and right(caller, 2) in ('08', '09'))");
	}

	@Test
	void theMovingShardsAccountsMoveButNotTheMerchantsEveryShardShares() {
		assertThat(SplitTables.of("account", ShardSet.of("13-14")).get(1).published())
			.isEqualTo("accounts where (kind <> 'MERCHANT' and shard in (13, 14))");
	}

	@Test
	void theRowsUpdatedOnEveryPaymentAreFilteredByTheirKeySoTheirUpdatesLogOnlyTheKey() {
		assertThat(keyed("payment")).containsExactly("payments", "refunds", "transfers", "risk_features",
				"idempotency_keys");
		assertThat(keyed("order")).containsExactly("orders", "idempotency_keys");
		assertThat(keyed("account")).as("accounts are filtered by kind and shard: logged whole")
			.containsExactly("users", "idempotency_keys");
	}

	private static List<String> keyed(String service) {
		return SplitTables.of(service, ShardSet.of("8-9"))
			.stream()
			.filter(SplitTables.Table::keyed)
			.map(SplitTables.Table::name)
			.toList();
	}

	@Test
	void refusesAServiceThatHoldsNoShards() {
		assertThatIllegalArgumentException().isThrownBy(() -> SplitTables.of("config", ShardSet.of("1")))
			.withMessageContaining("account, order or payment");
	}

}
