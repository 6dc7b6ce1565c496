package io.zonepay.payment;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a client branches on when a call is refused: the status, a problem document, and
 * its stable code.
 */
public final class ProblemResults {

	private ProblemResults() {
	}

	public static ResultMatcher problem(int status, String code) {
		return result -> {
			status().is(status).match(result);
			content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
			jsonPath("$.code").value(code).match(result);
		};
	}

}
