package io.zonepay.config.switches;

import java.util.Optional;

import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.GlobalReads;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/global/switches}: the degrade switches, from the city's copy when it is
 * fresh enough.
 */
@RestController
class SwitchController {

	private final GlobalReads reads;

	private final EntityStore entities;

	private final JsonMapper json;

	SwitchController(GlobalReads reads, EntityStore entities, JsonMapper json) {
		this.reads = reads;
		this.entities = entities;
		this.json = json;
	}

	@GetMapping("/api/global/switches")
	ResponseEntity<JsonNode> switches(@RequestParam(name = "min-version", defaultValue = "0") long minVersion) {
		return reads.read(minVersion, () -> Optional.of(all()),
				"/api/global/switches" + (minVersion > 0 ? "?min-version=" + minVersion : ""),
				() -> new ProblemException(CommonProblem.NOT_FOUND, "no switches"));
	}

	private JsonNode all() {
		ObjectNode answer = json.createObjectNode();
		answer.put("version", reads.watermark().version());
		var list = answer.putArray("switches");
		entities.all(GlobalKind.SWITCH).stream().map(Entity::withVersion).forEach(list::add);
		return answer;
	}

}
