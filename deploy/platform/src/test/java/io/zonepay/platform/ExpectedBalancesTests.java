package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ExpectedBalancesTests {

	private static final DrillUser ALICE = user("101", "rz1");

	private static final DrillUser BOB = user("102", "rz1");

	private static final DrillUser CAROL = user("160", "rz3");

	private static final DrillUser DAVE = user("161", "rz3");

	private final Map<String, Long> deposits = Map.of("101", 10_000L, "102", 10_000L, "160", 10_000L, "161", 10_000L);

	@Test
	void aBalanceIsTheDepositLessSucceededPaymentsAndCompletedTransfersOutPlusCompletedTransfersIn() {
		List<Operation> operations = List.of(payment(1, ALICE, 500, "SUCCEEDED"), payment(2, ALICE, 700, "FAILED"),
				transfer(3, ALICE, CAROL, 300, "COMPLETED"), transfer(4, CAROL, BOB, 200, "COMPLETED"),
				transfer(5, BOB, ALICE, 50, "FAILED"), refused(6, BOB, 900),
				Operation.payment(7, Duration.ZERO, BOB, 400, "k7", null));

		ExpectedBalances expected = ExpectedBalances.of(deposits, operations);

		assertThat(expected.balances()).containsOnly(entry("101", 9_200L), entry("102", 10_200L), entry("160", 10_100L),
				entry("161", 10_000L));
		assertThat(expected.undetermined()).isEmpty();
	}

	@Test
	void usersOfAnUndecidedOperationHaveNoExpectedBalance() {
		List<Operation> operations = List.of(transfer(1, ALICE, CAROL, 300, "PENDING"),
				Operation.transfer(2, Duration.ZERO, BOB, DAVE, 10, "k2"), payment(3, DAVE, 100, "SUCCEEDED"));

		ExpectedBalances expected = ExpectedBalances.of(deposits, operations);

		assertThat(expected.undetermined()).containsExactly("101", "102", "160", "161");
		assertThat(expected.balances()).isEmpty();
	}

	private static Operation payment(long number, DrillUser payer, long amount, String status) {
		return Operation.payment(number, Duration.ZERO, payer, amount, "k" + number, "9" + number)
			.decidedBy(answer("paymentId", number, status));
	}

	private static Operation transfer(long number, DrillUser payer, DrillUser payee, long amount, String status) {
		return Operation.transfer(number, Duration.ZERO, payer, payee, amount, "k" + number)
			.decidedBy(answer("transferId", number, status));
	}

	private static Operation refused(long number, DrillUser payer, long amount) {
		return Operation.payment(number, Duration.ZERO, payer, amount, "k" + number, "9" + number)
			.decidedBy(new Answer(422, "INSUFFICIENT_FUNDS", null, null));
	}

	private static Answer answer(String idField, long number, String status) {
		return new Answer(201, "", null,
				JsonMapper.builder().build().createObjectNode().put(idField, "5" + number).put("status", status));
	}

	private static DrillUser user(String id, String zone) {
		return new DrillUser(id, zone, Integer.parseInt(id) % 100, URI.create("http://localhost:8080"), "token");
	}

}
