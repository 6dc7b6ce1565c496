package io.zonepay.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's {@code --name value} arguments. */
final class BenchOptions {

	private BenchOptions() {
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
