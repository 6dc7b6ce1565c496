///usr/bin/env java --source 21 "$0" "$@"; exit $?
// Trains ZonePay's risk model and writes it as an ONNX graph with its card:
//   java scripts/TrainRiskModel.java [output directory] (default payment-service/src/main/resources/risk)
// No dependencies: the data is generated here, the model is a logistic regression fitted by gradient descent, and the
// ONNX protobuf is written field by field. Same seed, same bytes: the artifact in the repository is reproducible.
//
// The data: users simulated the way the zone sees them, each request as the features the zone keeps (RiskState in
// payment-service) would show it. Most are ordinary shoppers (a payment every few hours, amounts around their own
// mean, mostly merchants they know); 2 % are fraud in the three shapes payment fraud takes: card testing (bursts of
// small payments to new merchants, many refused), account takeover (large payments to new payees, unlike the user's
// past) and mule transfers (many transfers an hour, new payees). The model learns which features tell them apart.

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

public class TrainRiskModel {

	static final String VERSION = "logreg-1";

	static final List<String> FEATURES = List.of("amount", "transfer", "payments_1m", "payments_1h", "payments_24h",
			"amount_1h", "transfers_1h", "failures_1h", "new_counterparty", "amount_zscore");

	static final long SEED = 20261205L;

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args.length > 0 ? args[0] : "payment-service/src/main/resources/risk");
		Random random = new Random(SEED);
		double[][] train = new double[60_000][];
		double[] trainLabels = new double[train.length];
		generate(random, train, trainLabels);
		double[][] test = new double[20_000][];
		double[] testLabels = new double[test.length];
		generate(random, test, testLabels);

		double[] mean = new double[FEATURES.size()];
		double[] scale = new double[FEATURES.size()];
		standardization(train, mean, scale);
		double[] weights = new double[FEATURES.size()];
		double[] bias = new double[1];
		fit(train, trainLabels, mean, scale, weights, bias);
		double auc = auc(test, testLabels, mean, scale, weights, bias[0]);

		Files.createDirectories(out);
		Files.write(out.resolve("model-" + VERSION + ".onnx"), onnx(mean, scale, weights, bias[0]));
		Files.writeString(out.resolve("model-" + VERSION + ".json"), card(auc, weights));
		System.out.printf("%s: AUC %.4f on %d held-out requests; weights %s%n", VERSION, auc, test.length,
				Arrays.toString(Arrays.stream(weights).map(w -> Math.round(w * 1000) / 1000.0).toArray()));
	}

	/** Requests of simulated users: label 1 for fraud. */
	static void generate(Random random, double[][] rows, double[] labels) {
		for (int i = 0; i < rows.length; i++) {
			boolean fraud = random.nextDouble() < 0.02;
			labels[i] = fraud ? 1 : 0;
			rows[i] = fraud ? fraud(random) : shopper(random);
		}
	}

	static double[] shopper(Random random) {
		boolean transfer = random.nextDouble() < 0.25;
		double amount = Math.exp(7.5 + random.nextGaussian() * 1.0);
		double perHour = poisson(random, 0.8);
		return row(amount, transfer, poisson(random, 0.2), perHour, perHour + poisson(random, 4),
				perHour * Math.exp(7.5 + random.nextGaussian() * 0.5), poisson(random, 0.3), poisson(random, 0.1),
				random.nextDouble() < 0.15, random.nextGaussian());
	}

	static double[] fraud(Random random) {
		double shape = random.nextDouble();
		if (shape < 0.4) {
			// Card testing: bursts of small payments to new merchants, many refused.
			double burst = 3 + poisson(random, 8);
			return row(Math.exp(5 + random.nextGaussian() * 0.7), false, burst, burst + poisson(random, 10),
					burst + poisson(random, 20), burst * Math.exp(5), poisson(random, 0.2), poisson(random, 4),
					random.nextDouble() < 0.9, -1 + random.nextGaussian() * 0.5);
		}
		if (shape < 0.75) {
			// Account takeover: a few large payments, unlike the user's past, to new payees.
			double hour = poisson(random, 3);
			return row(Math.exp(10 + random.nextGaussian() * 0.8), random.nextDouble() < 0.5, poisson(random, 1), hour,
					hour + poisson(random, 3), hour * Math.exp(10), poisson(random, 1), poisson(random, 1),
					random.nextDouble() < 0.85, 3 + random.nextGaussian() * 1.5);
		}
		// Mule transfers: many transfers an hour to new payees.
		double transfers = 4 + poisson(random, 10);
		return row(Math.exp(8.5 + random.nextGaussian()), true, poisson(random, 1), poisson(random, 2),
				poisson(random, 5), transfers * Math.exp(8.5), transfers, poisson(random, 1), random.nextDouble() < 0.8,
				1 + random.nextGaussian());
	}

	static double[] row(double amount, boolean transfer, double perMinute, double perHour, double perDay,
			double amountHour, double transfersHour, double failuresHour, boolean newCounterparty, double zscore) {
		return new double[] { Math.round(amount), transfer ? 1 : 0, perMinute, perHour, perDay, Math.round(amountHour),
				transfersHour, failuresHour, newCounterparty ? 1 : 0, Math.round(zscore * 100) / 100.0 };
	}

	static double poisson(Random random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	static void standardization(double[][] rows, double[] mean, double[] scale) {
		for (double[] row : rows) {
			for (int j = 0; j < mean.length; j++) {
				mean[j] += row[j] / rows.length;
			}
		}
		for (double[] row : rows) {
			for (int j = 0; j < mean.length; j++) {
				scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.length;
			}
		}
		for (int j = 0; j < scale.length; j++) {
			scale[j] = Math.max(1e-6, Math.sqrt(scale[j]));
		}
	}

	/** Batch gradient descent on the log loss, with a little L2. */
	static void fit(double[][] rows, double[] labels, double[] mean, double[] scale, double[] weights, double[] bias) {
		double rate = 0.5;
		double l2 = 1e-4;
		for (int epoch = 0; epoch < 400; epoch++) {
			double[] gradient = new double[weights.length];
			double biasGradient = 0;
			for (int i = 0; i < rows.length; i++) {
				double error = sigmoid(logit(rows[i], mean, scale, weights, bias[0])) - labels[i];
				for (int j = 0; j < weights.length; j++) {
					gradient[j] += error * (rows[i][j] - mean[j]) / scale[j] / rows.length;
				}
				biasGradient += error / rows.length;
			}
			for (int j = 0; j < weights.length; j++) {
				weights[j] -= rate * (gradient[j] + l2 * weights[j]);
			}
			bias[0] -= rate * biasGradient;
		}
	}

	static double logit(double[] row, double[] mean, double[] scale, double[] weights, double bias) {
		double sum = bias;
		for (int j = 0; j < weights.length; j++) {
			sum += weights[j] * (row[j] - mean[j]) / scale[j];
		}
		return sum;
	}

	static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	/** The area under the ROC curve: how often a fraud scores above a shopper. */
	static double auc(double[][] rows, double[] labels, double[] mean, double[] scale, double[] weights, double bias) {
		Integer[] order = new Integer[rows.length];
		double[] scores = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			order[i] = i;
			scores[i] = logit(rows[i], mean, scale, weights, bias);
		}
		Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
		double positives = 0;
		double rankSum = 0;
		for (int rank = 0; rank < order.length; rank++) {
			if (labels[order[rank]] == 1) {
				positives++;
				rankSum += rank + 1;
			}
		}
		double negatives = rows.length - positives;
		return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
	}

	static String card(double auc, double[] weights) {
		StringBuilder features = new StringBuilder();
		for (String feature : FEATURES) {
			features.append(features.isEmpty() ? "" : ", ").append('"').append(feature).append('"');
		}
		return """
				{
				  "version": "%s",
				  "features": [%s],
				  "input": "features",
				  "output": "score",
				  "trainedBy": "scripts/TrainRiskModel.java (seed %d)",
				  "heldOutAuc": %.4f
				}
				""".formatted(VERSION, features, SEED, auc);
	}

	// ONNX: ModelProto { ir_version, opset_import, graph }, the graph being
	// score = Sigmoid(MatMul((features - mean) / scale, weights) + bias).

	static byte[] onnx(double[] mean, double[] scale, double[] weights, double bias) {
		int n = FEATURES.size();
		Proto graph = new Proto();
		graph.message(1, node("Sub", "features", "mean", "centred"));
		graph.message(1, node("Div", "centred", "scale", "scaled"));
		graph.message(1, node("MatMul", "scaled", "weights", "product"));
		graph.message(1, node("Add", "product", "bias", "logit"));
		graph.message(1, node("Sigmoid", "logit", null, "score"));
		graph.string(2, "zonepay-risk");
		graph.message(5, tensor("mean", new long[] { n }, mean));
		graph.message(5, tensor("scale", new long[] { n }, scale));
		graph.message(5, tensor("weights", new long[] { n, 1 }, weights));
		graph.message(5, tensor("bias", new long[] { 1 }, new double[] { bias }));
		graph.message(11, value("features", n));
		graph.message(12, value("score", 1));
		Proto opset = new Proto();
		opset.string(1, "");
		opset.varint(2, 13);
		Proto model = new Proto();
		model.varint(1, 8);
		model.string(2, "zonepay TrainRiskModel");
		model.string(3, VERSION);
		model.message(7, graph);
		model.message(8, opset);
		return model.bytes();
	}

	static Proto node(String op, String left, String right, String output) {
		Proto node = new Proto();
		node.string(1, left);
		if (right != null) {
			node.string(1, right);
		}
		node.string(2, output);
		node.string(3, op.toLowerCase() + "_" + output);
		node.string(4, op);
		return node;
	}

	static Proto tensor(String name, long[] dims, double[] values) {
		Proto tensor = new Proto();
		for (long dim : dims) {
			tensor.varint(1, dim);
		}
		tensor.varint(2, 1);
		ByteArrayOutputStream floats = new ByteArrayOutputStream();
		for (double value : values) {
			int bits = Float.floatToIntBits((float) value);
			for (int shift = 0; shift < 32; shift += 8) {
				floats.write(bits >>> shift & 0xff);
			}
		}
		tensor.bytes(4, floats.toByteArray());
		tensor.string(8, name);
		return tensor;
	}

	/** A float tensor of shape [N, columns], N left to the caller. */
	static Proto value(String name, int columns) {
		Proto rows = new Proto();
		rows.string(2, "N");
		Proto cols = new Proto();
		cols.varint(1, columns);
		Proto shape = new Proto();
		shape.message(1, rows);
		shape.message(1, cols);
		Proto tensorType = new Proto();
		tensorType.varint(1, 1);
		tensorType.message(2, shape);
		Proto type = new Proto();
		type.message(1, tensorType);
		Proto value = new Proto();
		value.string(1, name);
		value.message(2, type);
		return value;
	}

	/** Protocol buffers' wire format, the three field kinds a model needs. */
	static final class Proto {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		void varint(int field, long value) {
			raw((long) field << 3);
			raw(value);
		}

		void string(int field, String value) {
			bytes(field, value.getBytes(StandardCharsets.UTF_8));
		}

		void message(int field, Proto message) {
			bytes(field, message.bytes());
		}

		void bytes(int field, byte[] value) {
			raw((long) field << 3 | 2);
			raw(value.length);
			out.writeBytes(value);
		}

		byte[] bytes() {
			return out.toByteArray();
		}

		private void raw(long value) {
			while ((value & ~0x7FL) != 0) {
				out.write((int) (value & 0x7F) | 0x80);
				value >>>= 7;
			}
			out.write((int) value);
		}

	}

}
