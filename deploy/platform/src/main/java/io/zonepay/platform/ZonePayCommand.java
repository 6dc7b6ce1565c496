package io.zonepay.platform;

import java.util.function.Supplier;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command of {@code ./zonepay}. It checks its whole command line before it does
 * anything, and apart from doing it, so that the launcher script can have a command line
 * refused, or its help printed, before it builds anything.
 */
interface ZonePayCommand {

	/**
	 * Refuses, with a {@link ParameterException}, what the parser cannot know is wrong:
	 * zone names the topology does not have, values out of bounds, options that
	 * contradict each other.
	 * @return what the command does, not done yet
	 */
	Action check();

	/** What a command line that passed its checks does. */
	@FunctionalInterface
	interface Action {

		/**
		 * @return the exit status: 0 when it did what it was asked
		 */
		int run() throws Exception;

	}

	/**
	 * Runs checks that say what is wrong with an {@link IllegalArgumentException} as
	 * checks of the command line.
	 */
	static <T> T refusing(CommandSpec spec, Supplier<T> checks) {
		try {
			return checks.get();
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
		}
	}

	/** The value of an option, when it is within its bounds. */
	static int within(String option, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", not " + value);
		}
		return value;
	}

}
