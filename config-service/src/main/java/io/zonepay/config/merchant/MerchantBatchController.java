package io.zonepay.config.merchant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.GlobalReads;
import io.zonepay.config.global.Operators;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.service.ids.PathIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/global/merchants?ids=1,2,3}: the merchants a zone process keeps in
 * memory, read again in one request instead of one each (ZonePay's own services only),
 * with the same freshness rule as a single read. A merchant that does not exist is left
 * out.
 */
@RestController
class MerchantBatchController {

	/** Bounds one request: a process keeps at most this many merchants fresh at once. */
	static final int MAX_IDS = 500;

	private final GlobalReads reads;

	private final EntityStore entities;

	private final JsonMapper json;

	MerchantBatchController(GlobalReads reads, EntityStore entities, JsonMapper json) {
		this.reads = reads;
		this.entities = entities;
		this.json = json;
	}

	@GetMapping("/internal/global/merchants")
	ResponseEntity<JsonNode> merchants(@RequestParam("ids") String ids, Caller caller) {
		Operators.requireAdminOrSystem(caller);
		List<String> keys = Arrays.stream(ids.split(","))
			.map(id -> Long.toString(PathIds.parse(id.strip(), "merchant")))
			.distinct()
			.toList();
		if (keys.isEmpty() || keys.size() > MAX_IDS) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "ids names 1-" + MAX_IDS + " merchants");
		}
		return reads.read(0, () -> Optional.of(found(keys)), "/internal/global/merchants?ids=" + String.join(",", keys),
				// Never used: a batch always answers, with the merchants it found.
				() -> new ProblemException(ConfigProblem.MERCHANT_NOT_FOUND, "no merchant found"));
	}

	private JsonNode found(List<String> keys) {
		ObjectNode answer = json.createObjectNode();
		var merchants = answer.putArray("merchants");
		// One statement for the batch: a zone refreshes the merchants it keeps twice per
		// time to live, and a statement per merchant cost its CZone ~100 a second under
		// load.
		entities.findAll(GlobalKind.MERCHANT, keys).stream().map(Entity::withVersion).forEach(merchants::add);
		return answer;
	}

}
