package io.zonepay.payment.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The model a decision scores with: an ONNX graph (a logistic regression over the
 * features, trained by {@code scripts/TrainRiskModel.java} on data it generates) run
 * in-process by ONNX Runtime, which is MIT-licensed and Microsoft's own; JPMML's
 * evaluator, the other choice, is AGPL, which a platform others deploy cannot carry. Its
 * card, beside it, names its version and the features it takes, in order.
 */
final class RiskModel implements RiskScorer, AutoCloseable {

	/**
	 * The model's card: its version, the features it takes in the input's order, its
	 * input's and output's names, what trained it and how well it did on held-out data.
	 */
	record Card(String version, List<String> features, String input, String output, @Nullable String trainedBy,
			@Nullable Double heldOutAuc) {
	}

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final Card card;

	private RiskModel(OrtEnvironment environment, OrtSession session, Card card) {
		this.environment = environment;
		this.session = session;
		this.card = card;
	}

	/** Loads a model and its card ({@code model.onnx} beside {@code model.json}). */
	static RiskModel load(Resource model, Resource card, JsonMapper json) {
		try (InputStream bytes = model.getInputStream(); InputStream cardText = card.getInputStream()) {
			Card read = json.readValue(cardText, Card.class);
			if (!RiskFeatures.NAMES.containsAll(read.features())) {
				throw new IllegalStateException(
						"model " + read.version() + " takes features the zone does not keep: " + read.features());
			}
			OrtEnvironment environment = OnnxNatives.environment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			// One thread: a payment's thread runs it; a pool per request would cost more
			// than
			// the product of a few dozen numbers.
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			return new RiskModel(environment, environment.createSession(bytes.readAllBytes(), options), read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the risk model " + model, ex);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("cannot load the risk model " + model + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String version() {
		return card.version();
	}

	@Override
	public double score(RiskFeatures features) {
		float[][] input = new float[1][card.features().size()];
		for (int i = 0; i < input[0].length; i++) {
			input[0][i] = (float) features.get(card.features().get(i));
		}
		try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input);
				OrtSession.Result result = session.run(Map.of(card.input(), tensor))) {
			float[][] score = (float[][]) result.get(card.output())
				.orElseThrow(() -> new IllegalStateException("the risk model has no output " + card.output()))
				.getValue();
			return score[0][0];
		}
		catch (OrtException ex) {
			throw new IllegalStateException("the risk model failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws OrtException {
		session.close();
	}

}
