package io.zonepay.config.global;

import java.util.Optional;
import java.util.function.Supplier;

import io.zonepay.kernel.problem.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

/**
 * Answers a read of global data in the role this config-service plays: the GZone from its
 * own data, a CZone from its copy while it is fresh enough, else from the GZone, else not
 * at all. Every answer names who served it.
 */
public interface GlobalReads {

	/**
	 * @param minVersion the oldest version the caller accepts (0 for any), as after its
	 * own write
	 * @param local the answer from this zone's data: empty for "no such entity"
	 * @param path the same read at the GZone, path and query, for when this zone cannot
	 * answer it
	 * @param notFound the problem when there is no such entity
	 */
	ResponseEntity<JsonNode> read(long minVersion, Supplier<Optional<JsonNode>> local, String path,
			Supplier<ProblemException> notFound);

	/** How far this zone's data reaches. */
	Watermark watermark();

	/**
	 * Whether this zone's own data is fresh enough to answer from: always at the GZone,
	 * within the bound at a CZone.
	 */
	boolean fresh();

	/**
	 * Whether this zone hears the writer (its heartbeats, or an answer): always at the
	 * GZone itself.
	 */
	default boolean writerReachable() {
		return true;
	}

	/**
	 * Whether the writer is unavailable from everywhere this zone can ask, so that its
	 * data is served as the newest.
	 */
	default boolean writerUnavailable() {
		return false;
	}

}
