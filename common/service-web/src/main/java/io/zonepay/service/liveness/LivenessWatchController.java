package io.zonepay.service.liveness;

import java.io.IOException;
import java.time.Duration;

import io.zonepay.service.liveness.LivenessWatchers.Watcher;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code GET /actuator/liveness-watch?interval=750ms}: one long answer, a line of the
 * service's liveness every interval (bounded), until the service ends it after the
 * longest duration. 429 when as many watch already (the watcher asks
 * {@code /actuator/health/liveness} instead), 503 while the service stops.
 */
@RestController
class LivenessWatchController {

	/** The pace of a watcher that asks for none. */
	private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

	private final LivenessWatchers watchers;

	private final long timeoutMillis;

	LivenessWatchController(LivenessWatchers watchers, LivenessWatchProperties properties) {
		this.watchers = watchers;
		// Only a safety net: the watchers end every stream after the longest duration.
		this.timeoutMillis = properties.maxDuration().plus(properties.longestInterval()).toMillis();
	}

	@GetMapping("${management.endpoints.web.base-path:/actuator}/liveness-watch")
	ResponseEntity<ResponseBodyEmitter> watch(@RequestParam(required = false) @Nullable String interval) {
		Duration pace;
		try {
			pace = interval == null ? DEFAULT_INTERVAL : DurationStyle.detectAndParse(interval);
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().build();
		}
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(timeoutMillis);
		Watcher watcher = watchers.watch(new EmitterSink(emitter), pace);
		if (watcher == null) {
			return ResponseEntity
				.status(watchers.isRunning() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE)
				.build();
		}
		emitter.onCompletion(() -> watchers.leave(watcher));
		emitter.onTimeout(() -> watchers.leave(watcher));
		emitter.onError(failure -> watchers.leave(watcher));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noStore()).body(emitter);
	}

	/** A watcher's lines into its response. */
	private record EmitterSink(ResponseBodyEmitter emitter) implements LineSink {

		@Override
		public void send(String line) throws IOException {
			emitter.send(line, MediaType.TEXT_PLAIN);
		}

		@Override
		public void end() {
			emitter.complete();
		}

	}

}
