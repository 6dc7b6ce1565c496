package io.zonepay.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's {@code --name value} arguments. */
public final class BenchOptions {

	private BenchOptions() {
	}

	public static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			// A flag is an option without a value: the next argument is another option.
			boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
			options.put(args[i].replaceFirst("^--", ""), flag ? "true" : args[++i]);
		}
		return options;
	}

}
