package io.zonepay.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options, with clear errors for missing ones. */
final class Options {

	private final Map<String, String> values = new HashMap<>();

	private final List<String> positional;

	private Options(List<String> positional) {
		this.positional = positional;
	}

	static Options parse(String... args) {
		List<String> positional = new java.util.ArrayList<>();
		Options options = new Options(positional);
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				int equals = args[i].indexOf('=');
				if (equals > 0) {
					options.values.put(args[i].substring(2, equals), args[i].substring(equals + 1));
				}
				else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					options.values.put(args[i].substring(2), args[++i]);
				}
				else {
					options.values.put(args[i].substring(2), "true");
				}
			}
			else {
				positional.add(args[i]);
			}
		}
		return options;
	}

	String required(String name) {
		String value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing --" + name);
		}
		return value;
	}

	String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	int getInt(String name, int fallback) {
		return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
	}

	List<String> positional() {
		return positional;
	}
}
