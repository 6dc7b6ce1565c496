package io.zonepay.service.problem;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemHandlerTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ProblemHandler())
		.build();

	@Test
	void aRequestThatGetsNoDatabaseConnectionInTimeIsTurnedAwayAsRetryableNotAsABug() throws Exception {
		for (String path : new String[] { "/pool-exhausted", "/database-gone" }) {
			mvc.perform(get(path))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(jsonPath("$.code").value("SERVICE_BUSY"))
				.andExpect(content().string(not(containsString("Exception"))));
		}
	}

	@Test
	void anythingElseUnexpectedIsAnInternalErrorWithoutAStackTrace() throws Exception {
		mvc.perform(get("/bug"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	@RestController
	static class Failing {

		@GetMapping("/pool-exhausted")
		String poolExhausted() {
			throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
					new SQLTransientConnectionException(
							"account-rz1 - Connection is not available, request timed out after 2000ms"));
		}

		@GetMapping("/database-gone")
		String databaseGone() {
			throw new DataAccessResourceFailureException("connection refused");
		}

		@GetMapping("/bug")
		String bug() {
			throw new IllegalStateException("a bug");
		}

	}

}
