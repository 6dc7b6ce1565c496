package io.zonepay.payment.transfer;

import java.time.Instant;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.payment.transfer.TransferEvents.TransferRequested;
import io.zonepay.service.ids.TypedIdJsonModule;
import io.zonepay.service.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TransferEventsTests {

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new TypedIdJsonModule()).build();

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	@Test
	void aRequestGoesToThePayeesShardWithIdsAsStrings() {
		Transfer transfer = Transfer.pending(new TransferId(1_237), new UserId(9_937), new UserId(8_812),
				Money.of(500, "CNY"), TransferRoute.CROSS_GROUP, "k", NOW);

		OutboxEvent event = TransferEvents.requested(transfer, NOW);

		assertThat(event.topic()).isEqualTo(TransferEvents.REQUESTS);
		assertThat(event.shard().value()).isEqualTo(12);
		assertThat(event.key()).isEqualTo("1237");
		assertThat(event.type()).isEqualTo("TransferRequested");
		assertThat(JSON.readTree(JSON.writeValueAsString(event.payload())).propertyNames())
			.containsExactlyInAnyOrder("transferId", "fromUserId", "toUserId", "amount", "currency", "occurredAt");
		assertThat(JSON.readTree(JSON.writeValueAsString(event.payload())).get("toUserId").isString()).isTrue();
		TransferRequested read = JSON.readValue(JSON.writeValueAsString(event.payload()), TransferRequested.class);
		assertThat(read.transferId()).isEqualTo(new TransferId(1_237));
		assertThat(read.toUserId()).isEqualTo(new UserId(8_812));
		assertThat(read.money()).isEqualTo(Money.of(500, "CNY"));
	}

}
