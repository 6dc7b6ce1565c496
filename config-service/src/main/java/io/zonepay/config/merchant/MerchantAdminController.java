package io.zonepay.config.merchant;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.zonepay.config.global.Operators;
import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.ids.PathIds;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/merchants} and {@code PUT /admin/merchants/{merchantId}}: operators
 * onboard and change merchants.
 */
@RestController
@Profile("!czone")
@RequestMapping("/admin/merchants")
class MerchantAdminController {

	private final Merchants merchants;

	private final IdGenerator ids;

	MerchantAdminController(Merchants merchants, IdGenerator ids) {
		this.merchants = merchants;
		this.ids = ids;
	}

	@PostMapping
	ResponseEntity<Written> create(@Valid @RequestBody MerchantRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		// Merchants are global and not sharded; their ids only need to be unique.
		String merchantId = request.merchantId() != null ? validId(request.merchantId())
				: Long.toString(ids.next(Shard.of(0)));
		long version = merchants.create(request.toMerchant(merchantId));
		return ResponseEntity.created(URI.create("/api/merchants/" + merchantId))
			.body(new Written(merchantId, version));
	}

	@PutMapping("/{merchantId}")
	Written update(@PathVariable String merchantId, @Valid @RequestBody MerchantRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		String id = Long.toString(PathIds.parse(merchantId, "merchant"));
		if (request.merchantId() != null && !request.merchantId().equals(id)) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"the body names merchant " + request.merchantId() + ", the path " + id);
		}
		return new Written(id, merchants.update(request.toMerchant(id)));
	}

	private static String validId(String merchantId) {
		return BusinessId.parse(merchantId)
			.map(String::valueOf)
			.orElseThrow(() -> new ProblemException(CommonProblem.VALIDATION_FAILED,
					"merchantId is a positive 64-bit number in a string"));
	}

	record MerchantRequest(@Nullable String merchantId, @NotBlank @Size(max = 100) String name,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
			@NotNull @Pattern(regexp = "ACTIVE|INACTIVE", message = "must be ACTIVE or INACTIVE") String status) {

		Merchant toMerchant(String id) {
			return new Merchant(id, name.strip(), currency, status);
		}
	}

	record Written(String merchantId, long version) {
	}

}
