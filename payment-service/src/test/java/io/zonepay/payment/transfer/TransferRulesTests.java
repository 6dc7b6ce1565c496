package io.zonepay.payment.transfer;

import java.util.Map;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferRulesTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final UserId BOB = new UserId(8_812);

	private static final Switches LIMIT_1000 = new Switches(Map.of("payments.maxAmount.CNY", "1000"));

	@Test
	void acceptsAPositiveAmountUpToThePaymentLimitToSomeoneElse() {
		assertThatCode(() -> TransferRules.check(ALICE, BOB, Money.of(1_000, "CNY"), LIMIT_1000))
			.doesNotThrowAnyException();
		assertThatCode(() -> TransferRules.check(ALICE, BOB, Money.of(1, "CNY"), LIMIT_1000))
			.doesNotThrowAnyException();
	}

	@Test
	void refusesMoneySentToItsOwnOwner() {
		assertCode(() -> TransferRules.check(ALICE, ALICE, Money.of(100, "CNY"), LIMIT_1000), "TRANSFER_TO_SELF", 422);
	}

	@Test
	void refusesAnAmountAboveThePaymentLimitOfItsCurrency() {
		assertCode(() -> TransferRules.check(ALICE, BOB, Money.of(1_001, "CNY"), LIMIT_1000), "AMOUNT_OUT_OF_RANGE",
				400);
		assertCode(() -> TransferRules.check(ALICE, BOB, Money.of(5_000_001, "USD"), Switches.none()),
				"AMOUNT_OUT_OF_RANGE", 400);
	}

	@Test
	void refusesAnAmountThatIsNotPositive() {
		assertCode(() -> TransferRules.check(ALICE, BOB, Money.of(0, "CNY"), LIMIT_1000), "VALIDATION_FAILED", 400);
		assertCode(() -> TransferRules.check(ALICE, BOB, Money.of(-5, "CNY"), LIMIT_1000), "VALIDATION_FAILED", 400);
	}

	private static void assertCode(ThrowingCallable call, String code, int status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo(code);
			assertThat(problem.problem().status()).isEqualTo(status);
		});
	}

}
