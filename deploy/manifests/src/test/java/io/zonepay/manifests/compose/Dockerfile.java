package io.zonepay.manifests.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Dockerfile as its instructions, grouped by build stage: continuation lines joined,
 * comments and parser directives dropped, {@code ARG} defaults declared before the first
 * {@code FROM} kept to resolve base images.
 */
record Dockerfile(Map<String, String> globalArguments, List<Stage> stages) {

	static Dockerfile read(Path file) {
		Map<String, String> arguments = new LinkedHashMap<>();
		List<Stage> stages = new ArrayList<>();
		for (Instruction instruction : instructions(Repository.read(file))) {
			if (instruction.keyword().equals("FROM")) {
				String[] words = instruction.arguments().split("\\s+");
				String name = words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")
						? words[words.length - 1] : "stage-" + stages.size();
				stages.add(new Stage(name, resolve(words[0].startsWith("--") ? words[1] : words[0], arguments),
						new ArrayList<>()));
			}
			else if (stages.isEmpty() && instruction.keyword().equals("ARG")) {
				String[] declaration = instruction.arguments().split("=", 2);
				arguments.put(declaration[0].trim(), declaration.length > 1 ? declaration[1].trim() : "");
			}
			else if (!stages.isEmpty()) {
				stages.getLast().instructions().add(instruction);
			}
		}
		return new Dockerfile(arguments, stages);
	}

	/** The stage the image is: the last one. */
	Stage image() {
		return stages.getLast();
	}

	boolean isStage(String name) {
		return stages.stream().anyMatch(stage -> stage.name().equals(name));
	}

	private static List<Instruction> instructions(String text) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continues = trimmed.endsWith("\\");
			current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
			if (!continues) {
				String instruction = current.toString().strip();
				int space = instruction.indexOf(' ');
				instructions.add(new Instruction(
						instruction.substring(0, space < 0 ? instruction.length() : space).toUpperCase(Locale.ROOT),
						space < 0 ? "" : instruction.substring(space + 1).strip()));
				current.setLength(0);
			}
		}
		return instructions;
	}

	private static String resolve(String image, Map<String, String> arguments) {
		String resolved = image;
		for (Map.Entry<String, String> argument : arguments.entrySet()) {
			resolved = resolved.replace("${" + argument.getKey() + "}", argument.getValue())
				.replace("$" + argument.getKey(), argument.getValue());
		}
		return resolved;
	}

	/**
	 * One build stage: its name, the image it starts from (ARGs resolved) and its
	 * instructions.
	 */
	record Stage(String name, String base, List<Instruction> instructions) {

		List<Instruction> all(String keyword) {
			return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
		}

		int indexOfLast(String keyword) {
			for (int index = instructions.size() - 1; index >= 0; index--) {
				if (instructions.get(index).keyword().equals(keyword)) {
					return index;
				}
			}
			return -1;
		}
	}

	/** One instruction: its keyword in upper case and its arguments as written. */
	record Instruction(String keyword, String arguments) {

		boolean isExecForm() {
			return arguments.startsWith("[") && arguments.endsWith("]");
		}
	}
}
