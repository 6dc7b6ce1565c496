package io.zonepay.config.merchant;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.GlobalReads;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.service.ids.PathIds;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/merchants/{merchantId}?min-version=N}: a merchant, from the city's copy
 * when it is fresh enough.
 */
@RestController
class MerchantController {

	private final GlobalReads reads;

	private final EntityStore entities;

	MerchantController(GlobalReads reads, EntityStore entities) {
		this.reads = reads;
		this.entities = entities;
	}

	@GetMapping("/api/merchants/{merchantId}")
	ResponseEntity<JsonNode> merchant(@PathVariable String merchantId,
			@RequestParam(name = "min-version", defaultValue = "0") long minVersion) {
		String id = Long.toString(PathIds.parse(merchantId, "merchant"));
		if (minVersion < 0) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "min-version is a version: 0 or more");
		}
		return reads.read(minVersion, () -> entities.find(GlobalKind.MERCHANT, id).map(Entity::withVersion),
				"/api/merchants/" + id + (minVersion > 0 ? "?min-version=" + minVersion : ""),
				() -> new ProblemException(ConfigProblem.MERCHANT_NOT_FOUND, "merchant " + id + " not found"));
	}

}
