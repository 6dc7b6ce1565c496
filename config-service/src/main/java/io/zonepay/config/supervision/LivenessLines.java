package io.zonepay.config.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The lines of a liveness stream as a service writes them: {@code CORRECT 17} says it is
 * live; {@code BROKEN 18}, or anything else, that it is not.
 */
final class LivenessLines {

	/** The longest line a service may send: a line is a state and a number. */
	static final int MAX_LINE = 64;

	private LivenessLines() {
	}

	/**
	 * Reads lines until the stream ends, telling for each whether it says live; answers
	 * whether there was one. Fails on a line longer than {@link #MAX_LINE}.
	 */
	static boolean read(InputStream body, Consumer<Boolean> heard) throws IOException {
		boolean spoke = false;
		StringBuilder line = new StringBuilder(MAX_LINE);
		for (int next = body.read(); next != -1; next = body.read()) {
			if (next == '\n') {
				heard.accept(live(line.toString()));
				line.setLength(0);
				spoke = true;
			}
			else if (line.length() < MAX_LINE) {
				line.append((char) next);
			}
			else {
				throw new IOException("A liveness line longer than " + MAX_LINE + " characters");
			}
		}
		return spoke;
	}

	static boolean live(String line) {
		String stripped = line.strip();
		int space = stripped.indexOf(' ');
		return (space < 0 ? stripped : stripped.substring(0, space)).equals("CORRECT");
	}

}
