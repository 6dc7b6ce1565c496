package io.zonepay.kernel.id;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TypedIdTests {

	@Test
	void idsAreShownAsTheirDigitsSoTheyTravelAsStrings() {
		assertThat(new PaymentId(9_007_199_254_740_993L)).hasToString("9007199254740993");
		assertThat(new OrderId(1_237)).hasToString("1237");
		assertThat(new MerchantId(4_100)).hasToString("4100");
	}

	@Test
	void anIdThatIsNotPositiveCannotBeBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentId(0))
			.withMessage("payment ids are positive, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderId(-5));
		assertThatIllegalArgumentException().isThrownBy(() -> new MerchantId(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new UserId(0))
			.withMessage("user ids are positive, not 0");
	}

	@Test
	void idsOfOneOwnerLiveInItsShard() {
		assertThat(new PaymentId(1_237).shard()).isEqualTo(new UserId(9_937).shard());
		assertThat(new OrderId(1_237).shard().value()).isEqualTo(37);
	}

	@Test
	void aGeneratedIdIsOfTheKindAskedFor() {
		PaymentId id = new IdGenerator(7).next(new UserId(9_937).shard(), PaymentId::new);
		assertThat(id.shard().value()).isEqualTo(37);
	}

}
