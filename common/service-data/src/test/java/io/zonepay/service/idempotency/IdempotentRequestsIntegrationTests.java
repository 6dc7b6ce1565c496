package io.zonepay.service.idempotency;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.testkit.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Work that claims its Idempotency-Key and stores its answer inside its own transactions
 * ({@link IdempotentRequests#executeClaiming}), on real PostgreSQL: the key rises and
 * falls with the work's transactions, so a request either left its effect under a claimed
 * key or left nothing at all, and is answered the same on every retry.
 */
class IdempotentRequestsIntegrationTests {

	private static final Caller ALICE = Caller.user(new UserId(1_207), Set.of(Role.USER));

	private static final String OPERATION = "POST /api/things";

	private static final Map<String, String> REQUEST = Map.of("thing", "tea");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final IdempotentRequests requests;

	IdempotentRequestsIntegrationTests() {
		String url = SharedPostgres.createDatabase("idempotency");
		Flyway.configure()
			.dataSource(url, SharedPostgres.user(), "")
			.locations("classpath:db/zonepay-idempotency")
			.load()
			.migrate();
		DriverManagerDataSource database = new DriverManagerDataSource(url, SharedPostgres.user(), "");
		jdbc = new JdbcTemplate(database);
		jdbc.execute("create table things (id int primary key, request_key text not null)");
		transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
		requests = new IdempotentRequests(new IdempotencyKeys(jdbc), transactions, JsonMapper.builder().build(),
				new IdempotencyProperties(Duration.ofHours(48), Duration.ofSeconds(30), Duration.ofSeconds(10),
						Duration.ofMinutes(5), 1_000));
	}

	@Test
	void workThatClaimsWhereItRecordsAndAnswersWhereItDecidesIsAnsweredTheSameOnARetry() {
		ResponseEntity<String> first = execute("k1", request -> {
			int thing = transactions.execute(status -> {
				request.claim();
				return record(1, request);
			});
			return transactions.execute(status -> {
				request.answer(thing);
				return thing;
			});
		});
		ResponseEntity<String> replayed = execute("k1", this::claimOnly);

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(first.getHeaders().getLocation()).isEqualTo(URI.create("/api/things/1"));
		assertThat(replayed.getBody()).isEqualTo(first.getBody());
		assertThat(replayed.getHeaders().getFirst(ZonePayHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
		assertThat(state("k1")).containsExactly("COMPLETED");
	}

	@Test
	void aFailureBeforeTheClaimCommittedLeavesNeitherTheEffectNorTheKey() {
		assertThatIllegalStateException().isThrownBy(() -> execute("k1", request -> transactions.execute(status -> {
			request.claim();
			record(1, request);
			throw new IllegalStateException("crash before the commit");
		})));

		assertThat(state("k1")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from things", Integer.class)).isZero();
	}

	@Test
	void aRefusalBeforeTheClaimCommittedIsStoredSoThatARetryIsRefusedAlike() {
		ResponseEntity<String> refused = execute("k1", request -> transactions.execute(status -> {
			request.claim();
			throw new ProblemException(CommonProblem.NOT_FOUND, "no such thing");
		}));
		ResponseEntity<String> replayed = execute("k1", this::claimOnly);

		assertThat(refused.getStatusCode().value()).isEqualTo(404);
		assertThat(replayed.getBody()).isEqualTo(refused.getBody()).contains("no such thing");
		assertThat(state("k1")).containsExactly("COMPLETED");
	}

	@Test
	void aServerErrorAfterTheClaimCommittedGivesTheKeyBackForTheRetryToResume() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> execute("k1", request -> {
			transactions.execute(status -> {
				request.claim();
				return record(1, request);
			});
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE, "the ledger did not answer");
		}));
		assertThat(state("k1")).isEmpty();

		ResponseEntity<String> resumed = execute("k1", request -> transactions.execute(status -> {
			request.claim();
			int thing = jdbc.queryForObject("select id from things where request_key = ?", Integer.class,
					request.requestKey());
			request.answer(thing);
			return thing;
		}));

		assertThat(resumed.getStatusCode().value()).isEqualTo(201);
		assertThat(state("k1")).containsExactly("COMPLETED");
	}

	@Test
	void aRequestWhoseKeyAnotherAttemptHoldsIsToldSoAndItsWorkRollsBack() {
		crashAfterClaiming("k1", 1);

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> execute("k1", request -> {
			return transactions.execute(status -> {
				record(2, request);
				request.claim();
				return 2;
			});
		})).satisfies(ex -> assertThat(ex.problem()).isEqualTo(CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT));

		assertThat(jdbc.queryForList("select id from things", Integer.class)).containsExactly(1);
	}

	@Test
	void aRetryTakesOverTheKeyACrashLeftOnceItsLeaseRanOut() {
		crashAfterClaiming("k1", 1);
		jdbc.update("update idempotency_keys set locked_until = now() - interval '1 second'");

		ResponseEntity<String> resumed = execute("k1", request -> transactions.execute(status -> {
			request.claim();
			int thing = jdbc.queryForObject("select id from things where request_key = ?", Integer.class,
					request.requestKey());
			request.answer(thing);
			return thing;
		}));

		assertThat(resumed.getHeaders().getLocation()).isEqualTo(URI.create("/api/things/1"));
		assertThat(state("k1")).containsExactly("COMPLETED");
	}

	@Test
	void anAnswerAfterARetryTookTheKeyOverLeavesTheKeyToTheRetryAndStillCommitsTheDecision() {
		ResponseEntity<String> answered = execute("k1", request -> {
			transactions.execute(status -> {
				request.claim();
				return record(1, request);
			});
			jdbc.update("update idempotency_keys set claim_token = gen_random_uuid()");
			return transactions.execute(status -> {
				jdbc.update("update things set id = 11 where id = 1");
				request.answer(11);
				return 11;
			});
		});

		assertThat(answered.getHeaders().getLocation()).isEqualTo(URI.create("/api/things/11"));
		assertThat(state("k1")).containsExactly("IN_FLIGHT");
		assertThat(jdbc.queryForList("select id from things", Integer.class)).containsExactly(11);
	}

	@Test
	void anOutcomeTheWorkDidNotAnswerIsStoredAfterIt() {
		ResponseEntity<String> first = execute("k1", request -> transactions.execute(status -> {
			request.claim();
			return record(1, request);
		}));

		assertThat(first.getHeaders().getLocation()).isEqualTo(URI.create("/api/things/1"));
		assertThat(state("k1")).containsExactly("COMPLETED");
	}

	@Test
	void aKeyIsClaimedAndAnsweredInsideATransactionOnly() {
		assertThatIllegalStateException().isThrownBy(() -> execute("k1", request -> {
			request.claim();
			return 1;
		}));
		assertThatIllegalStateException().isThrownBy(() -> execute("k2", request -> {
			transactions.execute(status -> {
				request.answer(1);
				return 1;
			});
			return 1;
		}));
	}

	private ResponseEntity<String> execute(String key, Function<KeyedRequest<Integer>, Integer> work) {
		return requests.executeClaiming(ALICE, key, OPERATION, REQUEST,
				thing -> ResponseEntity.created(URI.create("/api/things/" + thing)).body(Map.of("thing", thing)), work);
	}

	/**
	 * As a killed process leaves it: the effect under a claimed key, nothing answered.
	 */
	private void crashAfterClaiming(String key, int thing) {
		assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> execute(key, request -> {
			transactions.execute(status -> {
				request.claim();
				return record(thing, request);
			});
			throw new OutOfMemoryError("killed");
		}));
	}

	/**
	 * Work as a replay runs it: up to its claim, which answers the request as the first
	 * attempt was answered.
	 */
	private Integer claimOnly(KeyedRequest<Integer> request) {
		return transactions.execute(status -> {
			request.claim();
			throw new AssertionError("a replay does not get past its claim");
		});
	}

	private int record(int thing, KeyedRequest<Integer> request) {
		jdbc.update("insert into things (id, request_key) values (?, ?)", thing, request.requestKey());
		return thing;
	}

	private List<String> state(String key) {
		return jdbc.queryForList("select state from idempotency_keys where idempotency_key = ?", String.class, key);
	}

}
