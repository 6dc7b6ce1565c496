package io.zonepay.config.currency;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import io.zonepay.config.global.Operators;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.global.GlobalViewDocument.CurrencyDocument;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /admin/currencies/{code}}: accept a currency, or stop accepting it. */
@RestController
@Profile("!czone")
class CurrencyAdminController {

	private final Currencies currencies;

	CurrencyAdminController(Currencies currencies) {
		this.currencies = currencies;
	}

	@PutMapping("/admin/currencies/{code}")
	Map<String, Object> put(@PathVariable String code, @Valid @RequestBody CurrencyRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		if (!CurrencyCode.isValid(code)) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"'" + code + "' is not an ISO 4217 currency code");
		}
		int digits = request.minorDigits() != null ? request.minorDigits() : CurrencyCode.of(code).minorUnitDigits();
		long version = currencies.put(new CurrencyDocument(code, digits, request.enabled()));
		return Map.of("code", code, "minorDigits", digits, "enabled", request.enabled(), "version", version);
	}

	record CurrencyRequest(@NotNull Boolean enabled, @Nullable @Min(0) @Max(4) Integer minorDigits) {
	}

}
