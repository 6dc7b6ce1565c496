package io.zonepay.service.ids;

import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.TypedId;
import io.zonepay.service.problem.ProblemHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.format.support.FormattingConversionService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TypedIdPathsTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Ids())
		.setConversionService(conversions())
		.setControllerAdvice(new ProblemHandler())
		.build();

	@Test
	void aPathSegmentOfDigitsBindsToTheKindOfIdTheControllerAsksFor() throws Exception {
		mvc.perform(get("/payments/9007199254740993"))
			.andExpect(status().isOk())
			.andExpect(content().string("payment 9007199254740993"));
		mvc.perform(get("/ledger-entries/1237"))
			.andExpect(status().isOk())
			.andExpect(content().string("ledger entry 1237"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "-5", "0x10", "1.5", "99999999999999999999" })
	void whatIsNotAnIdIsAValidationProblemNamingTheKind(String segment) throws Exception {
		mvc.perform(get("/payments/" + segment))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.detail").value("'" + segment + "' is not a payment id"));
	}

	private static FormattingConversionService conversions() {
		FormattingConversionService conversions = new FormattingConversionService();
		conversions.addConverterFactory(new TypedIdPaths());
		return conversions;
	}

	/** A service's own kind of id, package-private like most of them. */
	record LedgerEntryId(long value) implements TypedId {

		LedgerEntryId {
			TypedId.requirePositive(value, "ledger entry");
		}
	}

	@RestController
	static class Ids {

		@GetMapping("/payments/{paymentId}")
		String payment(@PathVariable PaymentId paymentId) {
			return "payment " + paymentId;
		}

		@GetMapping("/ledger-entries/{entryId}")
		String entry(@PathVariable LedgerEntryId entryId) {
			return "ledger entry " + entryId.value();
		}

	}

}
