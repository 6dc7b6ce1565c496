package io.zonepay.service.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.service.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a money-moving request at most once per caller and {@code Idempotency-Key}, and
 * answers every retry with the first response.
 *
 * <p>
 * The key is claimed in its own short transaction (so a concurrent duplicate sees it in
 * flight and gets 409), then the work and the stored response commit together in one
 * transaction. A crash anywhere before that commit leaves no effect but an in-flight
 * claim, which a retry takes over once its lease has run out; a crash after it leaves a
 * complete response to replay. Either way money moves once. Work that commits in steps
 * can instead claim the key and store its answer inside its own first and last
 * transactions ({@link #executeClaiming}).
 */
public final class IdempotentRequests {

	private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private static final int CLAIM_ATTEMPTS = 3;

	private final IdempotencyKeys keys;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final IdempotencyProperties properties;

	IdempotentRequests(IdempotencyKeys keys, TransactionTemplate transactions, JsonMapper json,
			IdempotencyProperties properties) {
		this.keys = keys;
		this.transactions = transactions;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * @param operation names the request, such as {@code POST /api/users/1237/deposits}:
	 * the same key on another operation is a different request
	 * @param request the parsed body, whose canonical JSON is compared with the first
	 * request's
	 * @param work runs inside the transaction that completes the key; throw a
	 * {@link ProblemException} to refuse
	 */
	public ResponseEntity<String> execute(Caller caller, @Nullable String key, String operation, Object request,
			Supplier<ResponseEntity<?>> work) {
		return execute(caller, key, operation, request, work, true);
	}

	/**
	 * Like {@link #execute}, for work that commits its own steps (calls to other services
	 * between transactions). The work must then be resumable: after a crash mid-way, a
	 * retry that takes the key over runs it again, and it must find and finish what the
	 * first attempt began rather than begin anew.
	 */
	public ResponseEntity<String> executeStepwise(Caller caller, @Nullable String key, String operation, Object request,
			Supplier<ResponseEntity<?>> work) {
		return execute(caller, key, operation, request, work, false);
	}

	/**
	 * Like {@link #executeStepwise}, for work that claims the key and stores its answer
	 * inside its own transactions rather than in transactions of their own (see
	 * {@link KeyedRequest}): it claims the key in, or before, the transaction of its
	 * first write, and answers in the transaction that decides the outcome, its last. The
	 * work must be resumable as for {@code executeStepwise}, and runs up to its claim
	 * even on a replay, which the claim then answers. A refusal it throws before a claim
	 * committed, and an outcome it returns without having answered, are stored under the
	 * key afterwards, in a transaction of their own.
	 * @param answer the response that shows an outcome; called inside the work's
	 * transaction, so it only reads the outcome
	 * @param work runs with the request; throw a {@link ProblemException} to refuse
	 */
	public <T> ResponseEntity<String> executeClaiming(Caller caller, @Nullable String key, String operation,
			Object request, Function<T, ResponseEntity<?>> answer, Function<KeyedRequest<T>, T> work) {
		Claim<T> claim = new Claim<>(caller.scope(), requireValid(key), fingerprint(operation, request), answer);
		T outcome;
		try {
			outcome = work.apply(claim);
		}
		catch (Held held) {
			return answerDuplicate(held.existing, claim.fingerprint);
		}
		catch (ProblemException ex) {
			if (claim.claimed) {
				return refused(claim.scope, claim.key, claim.token, ex);
			}
			if (ex.problem().status() >= 500 || ex.problem() == CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT) {
				throw ex;
			}
			return storeUnclaimed(claim, refusal(ex));
		}
		catch (RuntimeException ex) {
			if (claim.claimed) {
				keys.release(claim.scope, claim.key, claim.token);
			}
			throw ex;
		}
		if (claim.answered != null) {
			return answer(claim.answered, false);
		}
		StoredResponse done = store(answer.apply(outcome));
		if (!claim.claimed) {
			return storeUnclaimed(claim, done);
		}
		completeIfStillOurs(claim.scope, claim.key, claim.token, done);
		return answer(done, false);
	}

	private ResponseEntity<String> execute(Caller caller, @Nullable String key, String operation, Object request,
			Supplier<ResponseEntity<?>> work, boolean inOneTransaction) {
		String validKey = requireValid(key);
		String scope = caller.scope();
		String fingerprint = fingerprint(operation, request);
		UUID token = UUID.randomUUID();
		Optional<IdempotencyKeys.Existing> existing = claim(scope, validKey, fingerprint, token);
		if (existing.isPresent()) {
			return answerDuplicate(existing.get(), fingerprint);
		}
		return inOneTransaction ? run(scope, validKey, token, work) : runStepwise(scope, validKey, token, work);
	}

	/**
	 * Claims the key for this request; answers the key's record instead when someone else
	 * holds it or it is complete.
	 */
	private Optional<IdempotencyKeys.Existing> claim(String scope, String key, String fingerprint, UUID token) {
		for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
			if (keys.claim(scope, key, fingerprint, token, properties.lease())) {
				return Optional.empty();
			}
			var existing = keys.find(scope, key);
			if (existing.isPresent()) {
				return existing;
			}
			// The holder released the key between our two statements; claim again.
		}
		throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT,
				"the request with this Idempotency-Key keeps changing hands; retry later");
	}

	/**
	 * Claims the key and stores an answer at once, for work that answered without having
	 * claimed: a refusal before its first write.
	 */
	private ResponseEntity<String> storeUnclaimed(Claim<?> claim, StoredResponse response) {
		Optional<IdempotencyKeys.Existing> existing = transactions.execute(status -> {
			Optional<IdempotencyKeys.Existing> held = claim(claim.scope, claim.key, claim.fingerprint, claim.token);
			if (held.isEmpty()) {
				keys.complete(claim.scope, claim.key, claim.token, response);
			}
			return held;
		});
		return existing.isPresent() ? answerDuplicate(existing.get(), claim.fingerprint) : answer(response, false);
	}

	private ResponseEntity<String> run(String scope, String key, UUID token, Supplier<ResponseEntity<?>> work) {
		try {
			StoredResponse response = transactions.execute(status -> {
				if (!keys.lock(scope, key, token)) {
					throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT,
							"another attempt took over this Idempotency-Key");
				}
				StoredResponse done = store(work.get());
				keys.complete(scope, key, token, done);
				return done;
			});
			return answer(response, false);
		}
		catch (ProblemException ex) {
			return refused(scope, key, token, ex);
		}
		catch (RuntimeException ex) {
			keys.release(scope, key, token);
			throw ex;
		}
	}

	private ResponseEntity<String> runStepwise(String scope, String key, UUID token, Supplier<ResponseEntity<?>> work) {
		StoredResponse done;
		try {
			done = store(work.get());
		}
		catch (ProblemException ex) {
			return refused(scope, key, token, ex);
		}
		catch (RuntimeException ex) {
			keys.release(scope, key, token);
			throw ex;
		}
		completeIfStillOurs(scope, key, token, done);
		return answer(done, false);
	}

	/**
	 * Stores the response, unless a retry took the key over meanwhile (the work outlived
	 * the lease): that retry resumed the same work and stores the same answer.
	 */
	private void completeIfStillOurs(String scope, String key, UUID token, StoredResponse response) {
		try {
			transactions.executeWithoutResult(status -> keys.complete(scope, key, token, response));
		}
		catch (IllegalStateException ex) {
			// Taken over: see above.
		}
	}

	/**
	 * A refusal is an outcome too: a retry with the same key gets the same refusal. Not
	 * so a 5xx or a lost claim, after which a retry must be able to run the request
	 * again.
	 */
	private ResponseEntity<String> refused(String scope, String key, UUID token, ProblemException ex) {
		if (ex.problem().status() >= 500 || ex.problem() == CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT) {
			keys.release(scope, key, token);
			throw ex;
		}
		StoredResponse refusal = refusal(ex);
		completeIfStillOurs(scope, key, token, refusal);
		return answer(refusal, false);
	}

	private StoredResponse refusal(ProblemException ex) {
		return new StoredResponse(ex.problem().status(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				json.writeValueAsString(Problems.toDocument(Problems.of(ex.problem(), ex.detail(), ex.properties()))));
	}

	private ResponseEntity<String> answerDuplicate(IdempotencyKeys.Existing existing, String fingerprint) {
		if (!existing.fingerprint().equals(fingerprint)) {
			throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_REUSED,
					"this Idempotency-Key was used with a different request", Map.of());
		}
		if (existing.response() == null) {
			throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT,
					"a request with this Idempotency-Key is still being processed");
		}
		return answer(existing.response(), true);
	}

	private StoredResponse store(ResponseEntity<?> response) {
		MediaType type = response.getHeaders().getContentType();
		URI location = response.getHeaders().getLocation();
		return new StoredResponse(response.getStatusCode().value(),
				type == null ? MediaType.APPLICATION_JSON_VALUE : type.toString(),
				json.writeValueAsString(response.getBody()), location == null ? null : location.toString());
	}

	private static ResponseEntity<String> answer(StoredResponse response, boolean replayed) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
			.contentType(MediaType.parseMediaType(response.contentType()));
		if (replayed) {
			builder.header(ZonePayHeaders.IDEMPOTENT_REPLAYED, "true");
		}
		if (response.location() != null) {
			builder.location(URI.create(response.location()));
		}
		return builder.body(response.body());
	}

	private static String requireValid(@Nullable String key) {
		if (key == null || key.isEmpty()) {
			throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_MISSING,
					"send an Idempotency-Key header so this request can be retried safely");
		}
		if (!KEY.matcher(key).matches()) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"an Idempotency-Key is 1 to 255 printable ASCII characters");
		}
		return key;
	}

	private String fingerprint(String operation, Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((operation + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * The key as work run by {@link #executeClaiming} holds it. What it knows of its
	 * claim and answer counts once their transaction committed.
	 */
	private final class Claim<T> implements KeyedRequest<T> {

		private final String scope;

		private final String key;

		private final String fingerprint;

		private final UUID token = UUID.randomUUID();

		private final Function<T, ResponseEntity<?>> view;

		/** A transaction that claimed the key committed. */
		private boolean claimed;

		/** The current transaction claimed the key; it has not committed yet. */
		private boolean claiming;

		/** The answer a committed transaction stored. */
		private @Nullable StoredResponse answered;

		Claim(String scope, String key, String fingerprint, Function<T, ResponseEntity<?>> view) {
			this.scope = scope;
			this.key = key;
			this.fingerprint = fingerprint;
			this.view = view;
		}

		@Override
		public String requestKey() {
			return scope + ":" + key;
		}

		@Override
		public void claim() {
			requireTransaction("claim");
			if (claimed || claiming) {
				return;
			}
			Optional<IdempotencyKeys.Existing> existing = IdempotentRequests.this.claim(scope, key, fingerprint, token);
			if (existing.isPresent()) {
				throw new Held(existing.get());
			}
			claiming = true;
			afterCompletion(committed -> {
				claiming = false;
				claimed |= committed;
			});
		}

		@Override
		public void answer(T outcome) {
			requireTransaction("answer");
			if (!claimed && !claiming) {
				throw new IllegalStateException("the Idempotency-Key " + key + " is answered before it is claimed");
			}
			StoredResponse response = store(view.apply(outcome));
			keys.completeIfClaimed(scope, key, token, response);
			afterCompletion(committed -> {
				if (committed) {
					answered = response;
				}
			});
		}

		private static void requireTransaction(String action) {
			if (!TransactionSynchronizationManager.isActualTransactionActive()
					|| !TransactionSynchronizationManager.isSynchronizationActive()) {
				throw new IllegalStateException("an Idempotency-Key is " + action + "ed inside a transaction");
			}
		}

		private static void afterCompletion(Consumer<Boolean> committed) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					committed.accept(status == STATUS_COMMITTED);
				}

			});
		}

	}

	/**
	 * Another attempt holds the key, or it is complete: thrown out of the work's
	 * transaction, which rolls back, to the answer of a duplicate. No stack trace: it is
	 * an answer, not a fault.
	 */
	private static final class Held extends RuntimeException {

		private final transient IdempotencyKeys.Existing existing;

		Held(IdempotencyKeys.Existing existing) {
			super("the Idempotency-Key is held by another attempt, or complete", null, false, false);
			this.existing = existing;
		}

	}

}
