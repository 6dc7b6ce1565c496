package io.zonepay.payment.risk;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model, as ONNX Runtime runs it in the zone. */
class RiskModelTests {

	private static RiskModel model;

	@BeforeAll
	static void load() {
		model = RiskModel.load(new ClassPathResource("risk/model-logreg-1.onnx"),
				new ClassPathResource("risk/model-logreg-1.json"), JsonMapper.builder().build());
	}

	@AfterAll
	static void close() throws Exception {
		model.close();
	}

	@Test
	void theRuntimesNativeLibrariesLeaveNoFileBehindOnceLoaded() {
		assertThat(OnnxNatives.platform()).isNotNull();
		assertThat(Path.of(System.getProperty(OnnxNatives.PATH_PROPERTY))).doesNotExist();
		assertThat(OnnxNatives.runtimeDirectory()).as("the runtime's own temporary directory")
			.isNotNull()
			.doesNotExist();
	}

	@Test
	void anOrdinaryPaymentScoresLowAndCardTestingHigh() {
		double ordinary = model.score(features(1_800, 0, 1, 3, 0, 0, 0.2));
		double cardTesting = model.score(features(150, 12, 14, 25, 6, 1, -1));

		assertThat(model.version()).isEqualTo("logreg-1");
		assertThat(ordinary).isBetween(0.0, 0.2);
		assertThat(cardTesting).isBetween(0.8, 1.0);
	}

	@Test
	void moreOfWhatFraudDoesNeverLowersTheScore() {
		double before = model.score(features(1_800, 2, 3, 3, 0, 0, 0));

		assertThat(model.score(features(1_800, 8, 9, 9, 0, 0, 0))).isGreaterThan(before);
		assertThat(model.score(features(1_800, 2, 3, 3, 4, 0, 0))).as("failures").isGreaterThan(before);
		assertThat(model.score(features(1_800, 2, 3, 3, 0, 1, 0))).as("a new counterparty").isGreaterThan(before);
	}

	private static RiskFeatures features(double amount, double perMinute, double perHour, double perDay,
			double failures, double newCounterparty, double zscore) {
		return RiskFeatures.builder()
			.put(RiskFeatures.AMOUNT, amount)
			.put(RiskFeatures.TRANSFER, 0)
			.put(RiskFeatures.PAYMENTS_1M, perMinute)
			.put(RiskFeatures.PAYMENTS_1H, perHour)
			.put(RiskFeatures.PAYMENTS_24H, perDay)
			.put(RiskFeatures.AMOUNT_1H, amount * perHour)
			.put(RiskFeatures.TRANSFERS_1H, 0)
			.put(RiskFeatures.FAILURES_1H, failures)
			.put(RiskFeatures.NEW_COUNTERPARTY, newCounterparty)
			.put(RiskFeatures.AMOUNT_ZSCORE, zscore)
			.build();
	}

}
