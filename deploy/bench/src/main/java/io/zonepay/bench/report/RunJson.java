package io.zonepay.bench.report;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** A run as JSON: in a file of its own, or inside a report page's script element. */
final class RunJson {

	static final String RUN_ID = "zonepay-run";

	static final String PREVIOUS_ID = "zonepay-previous";

	private static final JsonMapper JSON = JsonMapper.builder()
		// ISO-8601 text to the nanosecond, which reads back as the same Instant and which
		// the page's script can show as it is.
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		// A later driver may record more than this report knows; what it knows still
		// reads.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Pattern SCRIPT = Pattern
		.compile("<script type=\"application/json\" id=\"" + RUN_ID + "\">(.*?)</script>", Pattern.DOTALL);

	private RunJson() {
	}

	static String write(RunRecord run) {
		return JSON.writeValueAsString(run);
	}

	static RunRecord read(String json, Path source) {
		RunRecord run = JSON.readValue(json, RunRecord.class);
		if (run.schema() != RunRecord.SCHEMA) {
			throw new IllegalArgumentException("the run in " + source + " has schema " + run.schema()
					+ ", this report reads schema " + RunRecord.SCHEMA);
		}
		return run;
	}

	/**
	 * The run as a script element the page reads. Its JSON holds {@code <} only inside
	 * strings, where the escape backslash-u003c means the same to a JSON parser; with no
	 * {@code <} left, no title can end the element early ({@code </script>}).
	 */
	static String script(String id, RunRecord run) {
		return "<script type=\"application/json\" id=\"" + id + "\">" + write(run).replace("<", "\\u003c")
				+ "</script>\n";
	}

	/** The JSON of the run embedded in a report page. */
	static String embedded(String html, Path source) {
		Matcher script = SCRIPT.matcher(html);
		if (!script.find()) {
			throw new IllegalArgumentException(
					source + " is neither a run's JSON nor a report: it has no script with id " + RUN_ID);
		}
		return script.group(1);
	}

}
