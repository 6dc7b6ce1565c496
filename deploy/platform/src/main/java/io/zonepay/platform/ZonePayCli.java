package io.zonepay.platform;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./zonepay up | down | status | kill | start | drill}: the local platform's
 * command line. Exit status 0 when a command did what it was asked (or printed the help
 * asked for), 2 when its command line is refused, before anything is done, and 1 (or 3
 * for {@code status}) when it could not do it.
 */
public final class ZonePayCli {

	/**
	 * The exit status of a parse-only run that answered the command line itself (help,
	 * version), so that the script has nothing more to do; 0 means the command line
	 * passed its checks, 2 that it was refused.
	 */
	static final int ANSWERED = 10;

	private ZonePayCli() {
	}

	/**
	 * With {@code -Dzonepay.parse-only=true}, checks the command line and stops:
	 * {@code ./zonepay} asks so before it builds.
	 */
	public static void main(String[] args) {
		Installation installation = new Installation(
				Path.of(System.getProperty("zonepay.home", ".")).toAbsolutePath().normalize());
		System.exit(commandLine(installation, Boolean.getBoolean("zonepay.parse-only")).execute(args));
	}

	/**
	 * @param parseOnly whether to stop once the command line passed its checks (exit 0),
	 * or was answered ({@link #ANSWERED})
	 */
	static CommandLine commandLine(Installation installation, boolean parseOnly) {
		CommandLine drill = new CommandLine(new DrillCommand()).addSubcommand(new DrillCommand.ZoneDown(installation))
			.addSubcommand(new DrillCommand.Drain(installation))
			.addSubcommand(new DrillCommand.Freeze(installation))
			.addSubcommand(new DrillCommand.Busy(installation))
			.addSubcommand(new DrillCommand.KafkaStall(installation))
			.addSubcommand(new DrillCommand.Pause(installation))
			.addSubcommand(new DrillCommand.CzoneDown(installation))
			.addSubcommand(new DrillCommand.GzoneDown(installation))
			.addSubcommand(new DrillCommand.Split(installation))
			.addSubcommand(new DrillCommand.Merge(installation))
			.addSubcommand(new DrillCommand.All(installation));
		return new CommandLine(new Root()).addSubcommand(new UpCommand(installation))
			.addSubcommand(new PlatformDown(installation))
			.addSubcommand(new PlatformStatus(installation))
			.addSubcommand(new KillCommand(installation))
			.addSubcommand(new StartCommand(installation))
			.addSubcommand(drill)
			.addSubcommand(new BooksCommand(installation))
			.addSubcommand(new CommandLine(new ShadowCommand()).addSubcommand(new ShadowCommand.Clean(installation)))
			.addSubcommand(new CommandLine(new ZoneCommand()).addSubcommand(new ZoneCommand.Add(installation))
				.addSubcommand(new ZoneCommand.Remove(installation))
				.addSubcommand(new ZoneCommand.Manifests(installation)))
			.addSubcommand(new AotTraining(installation))
			.addSubcommand(new CommandLine.HelpCommand())
			.setExecutionStrategy(parsed -> execute(parsed, parseOnly))
			.setParameterExceptionHandler(ZonePayCli::refuse)
			.setExecutionExceptionHandler(ZonePayCli::fail);
	}

	private static int execute(ParseResult parsed, boolean parseOnly) {
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			return parseOnly ? ANSWERED : help;
		}
		ParseResult last = parsed;
		while (last.hasSubcommand()) {
			last = last.subcommand();
		}
		CommandLine line = last.commandSpec().commandLine();
		if (!(line.getCommand() instanceof ZonePayCommand command)) {
			// A command that only groups others, as drill does, needs one of them.
			throw new ParameterException(line, "name one of: " + String.join(", ", line.getSubcommands().keySet()));
		}
		try {
			ZonePayCommand.Action action = command.check();
			return parseOnly ? 0 : action.run();
		}
		catch (ParameterException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ExecutionException(line, line.getCommandSpec().qualifiedName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * One line for what is wrong and one for where to look: the whole usage would bury
	 * the reason.
	 */
	private static int refuse(ParameterException ex, String[] args) {
		CommandLine line = ex.getCommandLine();
		String command = line.getCommandSpec().qualifiedName();
		line.getErr().println(command + ": " + reason(ex));
		List<String> guesses = guesses(ex);
		line.getErr()
			.println((guesses.isEmpty() ? "" : "did you mean " + String.join(" or ", guesses) + "? ") + "see ./"
					+ command + " --help");
		return line.getCommandSpec().exitCodeOnInvalidInput();
	}

	/**
	 * Picocli's guesses at a mistyped name that at least begin as it does: it guesses
	 * even for names like none.
	 */
	private static List<String> guesses(ParameterException ex) {
		if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
			return List.of();
		}
		String typed = withoutDashes(unmatched.getUnmatched().getFirst());
		return unmatched.getSuggestions()
			.stream()
			.filter(name -> !typed.isEmpty() && withoutDashes(name).startsWith(typed.substring(0, 1)))
			.limit(3)
			.toList();
	}

	private static String withoutDashes(String name) {
		return name.replaceFirst("^-+", "");
	}

	private static String reason(ParameterException ex) {
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
				&& !unmatched.getUnmatched().isEmpty()) {
			String argument = unmatched.getUnmatched().getFirst();
			List<String> commands = List.copyOf(ex.getCommandLine().getSubcommands().keySet());
			return commands.isEmpty() ? "unexpected argument '" + argument + "'"
					: "no command '" + argument + "'; the commands are " + String.join(", ", commands);
		}
		return ex.getMessage();
	}

	/**
	 * A command that could not do what it was asked says why in one line; anything else
	 * is a bug, shown with its stack trace.
	 */
	private static int fail(Exception ex, CommandLine line, ParseResult parsed) throws Exception {
		if (!(ex instanceof IllegalStateException || ex instanceof IllegalArgumentException)) {
			throw ex;
		}
		line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
		return line.getCommandSpec().exitCodeOnExecutionException();
	}

	/**
	 * {@code ./zonepay} alone prints its usage; every command inherits the help and
	 * version options.
	 */
	@Command(name = "zonepay", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
			versionProvider = Version.class, sortOptions = false,
			description = "ZonePay's whole topology on this machine, no Docker.",
			commandListHeading = "%nCommands (each answers --help):%n")
	static final class Root implements ZonePayCommand {

		@Spec
		CommandSpec spec;

		@Override
		public Action check() {
			return () -> {
				spec.commandLine().usage(spec.commandLine().getOut());
				return 0;
			};
		}

	}

	/** The version the build wrote into the jar's manifest. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = ZonePayCli.class.getPackage().getImplementationVersion();
			return new String[] { "ZonePay " + (version == null ? "(not run from its jar)" : version) };
		}

	}

}
