package io.zonepay.config.global;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.service.zone.ZoneProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The GZone's reads: its data is the truth, always current. */
@Component
@Profile("!czone")
class PrimaryReads implements GlobalReads {

	private final ChangeLog changes;

	private final String zone;

	private final Clock clock = Clock.systemUTC();

	PrimaryReads(ChangeLog changes, ZoneProperties zone) {
		this.changes = changes;
		this.zone = zone.id().value();
	}

	@Override
	public ResponseEntity<JsonNode> read(long minVersion, Supplier<Optional<JsonNode>> local, String path,
			Supplier<ProblemException> notFound) {
		JsonNode answer = local.get().orElseThrow(notFound);
		return ResponseEntity.ok().header(ZonePayHeaders.SERVED_BY, zone).body(answer);
	}

	@Override
	public boolean fresh() {
		return true;
	}

	@Override
	public Watermark watermark() {
		// Everything committed is here: complete as of now.
		return new Watermark(changes.current().version(), clock.instant());
	}

}
