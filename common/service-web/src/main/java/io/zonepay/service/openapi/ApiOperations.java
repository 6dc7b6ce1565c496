package io.zonepay.service.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.zonepay.kernel.problem.ProblemCode;

import org.jspecify.annotations.Nullable;

/**
 * What a feature's OpenAPI operations answer that their handler methods do not say: the
 * typed body an idempotent {@code ResponseEntity<String>} replays, the status of a
 * created resource, the problems each operation can end in, and the one call that needs
 * no token. Declared as a bean next to the controllers it describes, keyed like the API
 * contract ({@code "POST /api/payments"}); a key that names no operation of the document
 * fails the document.
 */
public final class ApiOperations {

	private static final Pattern KEY = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) /\\S*");

	private final Map<String, Described> operations;

	private ApiOperations(Map<String, Described> operations) {
		this.operations = Map.copyOf(operations);
	}

	public static Builder builder() {
		return new Builder();
	}

	Map<String, Described> operations() {
		return operations;
	}

	/**
	 * One operation as described: its typed answer, if it needs one, and its own
	 * problems.
	 */
	record Described(@Nullable Answer answer, @Nullable Class<?> request, List<ProblemCode> problems,
			List<AnswerHeader> headers, boolean withoutToken, boolean located) {
	}

	/** The status and body type of an operation's success. */
	record Answer(int status, Class<?> body) {
	}

	/** A header every success of an operation carries, beyond those all of them carry. */
	record AnswerHeader(String name, String description) {
	}

	/** Collects descriptions; several calls for one operation add up. */
	public static final class Builder {

		private final Map<String, Mutable> operations = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * The operation answers {@code status} with a {@code body} (a 201's new resource,
		 * a replayed idempotent answer).
		 */
		public Builder answers(String operation, int status, Class<?> body) {
			if (status < 200 || status > 299) {
				throw new IllegalArgumentException("an answer is a 2xx status, not " + status);
			}
			described(operation).answer = new Answer(status, body);
			return this;
		}

		/**
		 * The body the operation reads, where its handler takes something looser (a map
		 * of JSON values).
		 */
		public Builder reads(String operation, Class<?> body) {
			described(operation).request = body;
			return this;
		}

		/**
		 * Problems the operation itself can end in, besides those the platform answers
		 * for every call of its kind.
		 */
		public Builder problems(String operation, ProblemCode... problems) {
			described(operation).problems.addAll(List.of(problems));
			return this;
		}

		/**
		 * A header the operation's success carries, such as {@code X-ZonePay-Served-By}
		 * on a read of global data.
		 */
		public Builder answerHeader(String operation, String name, String description) {
			described(operation).headers.add(new AnswerHeader(name, description));
			return this;
		}

		/**
		 * The operation's 201 or 202 carries no {@code Location}: what it created has no
		 * path of its own to GET.
		 */
		public Builder withoutLocation(String operation) {
			described(operation).located = false;
			return this;
		}

		/** The gateway lets the operation through without a token (signing up). */
		public Builder withoutToken(String operation) {
			described(operation).withoutToken = true;
			return this;
		}

		public ApiOperations build() {
			Map<String, Described> built = new LinkedHashMap<>();
			operations.forEach((key, mutable) -> built.put(key,
					new Described(mutable.answer, mutable.request, List.copyOf(mutable.problems),
							List.copyOf(mutable.headers), mutable.withoutToken, mutable.located)));
			return new ApiOperations(built);
		}

		private Mutable described(String operation) {
			Objects.requireNonNull(operation, "operation");
			if (!KEY.matcher(operation).matches()) {
				throw new IllegalArgumentException(
						"name an operation as METHOD /path, such as POST /api/payments, not " + operation);
			}
			return operations.computeIfAbsent(operation, ignored -> new Mutable());
		}

		private static final class Mutable {

			private @Nullable Answer answer;

			private @Nullable Class<?> request;

			private final Set<ProblemCode> problems = new LinkedHashSet<>();

			private final List<AnswerHeader> headers = new ArrayList<>();

			private boolean withoutToken;

			private boolean located = true;

		}

	}

}
