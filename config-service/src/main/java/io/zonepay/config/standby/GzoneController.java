package io.zonepay.config.standby;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Operators;
import io.zonepay.config.global.Writer;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.service.zone.ZoneProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/gzone}: this GZone's role (writer, standby, fenced), term and
 * version, answered in every role; {@code POST /admin/gzone/promote}: makes a standby the
 * writer (a writer answers as it is).
 */
@RestController
@Profile("!czone")
@RequestMapping("/admin/gzone")
class GzoneController {

	private final Writer writer;

	private final ChangeLog changes;

	private final @Nullable Promotion promotion;

	private final String zone;

	GzoneController(Writer writer, ChangeLog changes, ObjectProvider<Promotion> promotion, ZoneProperties zone) {
		this.writer = writer;
		this.changes = changes;
		this.promotion = promotion.getIfAvailable();
		this.zone = zone.id().value();
	}

	@GetMapping
	Map<String, Object> status(Caller caller) {
		Operators.requireAdminOrSystem(caller);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("zone", zone);
		answer.put("role", writer.role().name());
		answer.put("term", changes.term());
		answer.put("version", changes.current().version());
		if (!writer.why().isEmpty()) {
			answer.put("why", writer.why());
		}
		Promotion.Promoted promoted = promotion == null ? null : promotion.promoted();
		if (promoted != null) {
			answer.put("promoted", promoted);
		}
		return answer;
	}

	@PostMapping("/promote")
	Map<String, Object> promote(Caller caller) {
		Operators.requireAdmin(caller);
		if (promotion == null) {
			writer.requireActive();
			return status(caller);
		}
		promotion.promote("an operator's command");
		return status(caller);
	}

}
