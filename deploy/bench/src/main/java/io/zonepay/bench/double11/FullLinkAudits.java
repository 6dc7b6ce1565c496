package io.zonepay.bench.double11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.zonepay.bench.report.RunRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The audits after a full-link run on the local platform: the shadow books and the real
 * books, each audited by {@code ./zonepay books} straight from every shard group's
 * databases, and whether the real books moved only by real traffic (the real payments
 * that succeeded during the run are the ones the real clients were told of, no shadow
 * shopper is a real user).
 */
final class FullLinkAudits {

	/** How long a books audit may take, settling transfers in flight included. */
	private static final long AUDIT_SECONDS = 180;

	private FullLinkAudits() {
	}

	/** The real books' row counts before the load, to see what the load moved. */
	static Map<String, Long> realCounts() throws Exception {
		return counts(books(false, 0));
	}

	/**
	 * @param real the real traffic the run offered beside the load, or {@code null} when
	 * it offered none (real traffic from elsewhere, a drill's say, then moves the real
	 * books too, and only the shadow shoppers' absence from them is judged)
	 */
	static List<RunRecord.Audit> run(Http http, Map<String, Long> realBefore, @Nullable Tally real,
			List<Shopper> shadowShoppers) throws Exception {
		JsonNode shadowBooks = books(true, 60);
		JsonNode realBooks = books(false, 60);
		return List.of(audit("the shadow books", shadowBooks), audit("the real books", realBooks),
				onlyRealMovedReal(http, realBefore, counts(realBooks), real, shadowShoppers));
	}

	private static RunRecord.Audit audit(String name, JsonNode books) {
		List<String> lines = new ArrayList<>();
		for (JsonNode check : books.get("checks")) {
			lines.add((check.get("passed").asBoolean() ? "PASS " : "FAIL ") + check.get("name").asString() + ": "
					+ check.get("detail").asString());
			check.get("wrong").forEach(wrong -> lines.add("     " + wrong.asString()));
		}
		return new RunRecord.Audit(name, books.get("passed").asBoolean(), lines);
	}

	/**
	 * The real payments that succeeded during the run are at least those the real clients
	 * were told succeeded, and at most those plus the ones whose answer never came or
	 * that a busy zone refused (it may have paid them all the same); no real user was
	 * made by the run; and every shadow shopper is unknown to real traffic (404
	 * untagged).
	 */
	private static RunRecord.Audit onlyRealMovedReal(Http http, Map<String, Long> before, Map<String, Long> after,
			@Nullable Tally real, List<Shopper> shadowShoppers) throws Exception {
		List<String> lines = new ArrayList<>();
		boolean passed = shadowShoppersUnknown(http, shadowShoppers, lines);
		if (real == null) {
			return new RunRecord.Audit("no shadow shopper is a real user", passed, lines);
		}
		Tally.Window all = real.window(0, real.seconds());
		long told = all.succeeded()[Kind.CHECKOUT.classIndex()];
		// Failed and unanswered operations, and sheds by a busy zone, may have paid.
		long unknown = all.errors() + real.unsettled();
		long paid = after.getOrDefault("payments SUCCEEDED", 0L) - before.getOrDefault("payments SUCCEEDED", 0L);
		boolean paymentsMatch = paid >= told && paid <= told + unknown;
		passed &= paymentsMatch;
		lines.add((paymentsMatch ? "PASS " : "FAIL ") + "real payments SUCCEEDED during the run: " + paid
				+ "; real clients were told of " + told + " (and " + unknown
				+ " real operations ended failed, unanswered or refused by a busy zone)");
		long users = after.getOrDefault("users", 0L) - before.getOrDefault("users", 0L);
		passed &= users == 0;
		lines.add((users == 0 ? "PASS " : "FAIL ") + "real users made during the run: " + users);
		return new RunRecord.Audit("the real books moved only by real traffic", passed, lines);
	}

	/** Looks up shadow shoppers without the tag: each must be unknown (404). */
	private static boolean shadowShoppersUnknown(Http http, List<Shopper> shadowShoppers, List<String> lines)
			throws Exception {
		int checked = 0;
		int seen = 0;
		for (Shopper shopper : shadowShoppers.subList(0, Math.min(50, shadowShoppers.size()))) {
			checked++;
			int status = http
				.status(Http.get(shopper.gateway().resolve("/api/users/" + shopper.id()), shopper.token()));
			if (status != 404) {
				seen++;
				lines.add("     shadow shopper " + shopper.id() + " answered " + status + " without the tag");
			}
		}
		lines.add((seen == 0 ? "PASS " : "FAIL ") + checked + " shadow shoppers looked up without the tag: " + seen
				+ " found as real users");
		return seen == 0;
	}

	private static Map<String, Long> counts(JsonNode books) {
		Map<String, Long> counts = new TreeMap<>();
		books.get("counts").properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
		return counts;
	}

	/** {@code ./zonepay books --json}, from the checkout the bench runs in. */
	private static JsonNode books(boolean shadow, int settleSeconds) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("./zonepay", "books", "--json", "--settle", Integer.toString(settleSeconds)));
		if (shadow) {
			command.add("--shadow");
		}
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out;
		try {
			out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw ex;
		}
		if (!process.waitFor(AUDIT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not end in " + AUDIT_SECONDS + " s");
		}
		String json = out.lines().filter(line -> line.startsWith("{")).reduce((first, last) -> last).orElse("");
		if (json.isEmpty()) {
			throw new IllegalStateException(
					String.join(" ", command) + " printed no audit (exit " + process.exitValue() + "): " + out);
		}
		return Http.json(json);
	}

}
