package io.zonepay.config.global;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.service.openapi.ApiOperations;

/**
 * What every read of global data says in its OpenAPI description: who served it, and when
 * it cannot be served.
 */
public final class GlobalReadHeaders {

	private GlobalReadHeaders() {
	}

	/**
	 * A read answered by a copy (a CZone) or the GZone, possibly while the writer is
	 * away.
	 */
	public static ApiOperations.Builder globalRead(ApiOperations.Builder builder, String operation) {
		return builder
			.answerHeader(operation, ZonePayHeaders.SERVED_BY, "which copy of global data answered: cz-hz, gz, ...")
			.answerHeader(operation, ZonePayHeaders.WRITER,
					"unavailable when the GZone cannot be reached from anywhere: the copy's newest data")
			.problems(operation, CommonProblem.STALE_GLOBAL_DATA);
	}

	/**
	 * A write at the GZone: refused by a standby or a fenced GZone, or not yet on the
	 * change log when it answers.
	 */
	public static ApiOperations.Builder globalWrite(ApiOperations.Builder builder, String operation) {
		return builder.problems(operation, Writer.NOT_THE_WRITER, Writer.GZONE_FENCED, Writer.WRITE_NOT_ON_LOG);
	}

}
