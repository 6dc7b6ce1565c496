package io.zonepay.config.switches;

import java.util.Map;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.Operators;
import io.zonepay.kernel.global.SwitchDefinition;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/switches} and {@code PUT /admin/switches/{name}}: operators flip
 * degrade switches at the GZone.
 */
@RestController
@Profile("!czone")
class SwitchAdminController {

	private final SwitchStore switches;

	private final EntityStore entities;

	private final JsonMapper json;

	SwitchAdminController(SwitchStore switches, EntityStore entities, JsonMapper json) {
		this.switches = switches;
		this.entities = entities;
		this.json = json;
	}

	@GetMapping("/admin/switches")
	JsonNode list(Caller caller) {
		Operators.requireAdmin(caller);
		ObjectNode answer = json.createObjectNode();
		var list = answer.putArray("switches");
		entities.all(GlobalKind.SWITCH).stream().map(Entity::withVersion).forEach(list::add);
		return answer;
	}

	@PutMapping("/admin/switches/{name}")
	Map<String, Object> put(@PathVariable String name, @RequestBody Map<String, JsonNode> body, Caller caller) {
		Operators.requireAdmin(caller);
		SwitchDefinition definition = SwitchDefinition.of(name)
			.orElseThrow(
					() -> new ProblemException(ConfigProblem.SWITCH_NOT_FOUND, "no switch is called '" + name + "'"));
		JsonNode value = body.get("value");
		if (value == null || !(value.isString() || value.isBoolean() || value.isIntegralNumber())) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"send {\"value\": ...} with a string, boolean or whole number");
		}
		String canonical;
		try {
			canonical = definition.validate(value.isString() ? value.asString() : value.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, ex.getMessage());
		}
		return Map.of("name", name, "value", canonical, "version", switches.put(name, canonical));
	}

}
