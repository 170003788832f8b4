package org.fraudstats.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Arrays;

import org.fraudstats.ingest.IngestFailedException;
import org.fraudstats.ingest.UnreadableFileException;
import picocli.CommandLine;

/**
 * Wires the picocli command tree to the services and turns failures into what cli.md promises: one line on
 * standard error naming what is wrong, exit 2 for usage errors and 1 for everything else, the stack trace only
 * with --debug.
 */
public final class Cli {

    private Cli() {
    }

    public static int run(Services services, String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new FraudstatsCommand(), new ServicesFactory(services));
        cli.registerConverter(java.time.LocalDate.class, Cli::isoDate);
        // every command's -V says the version its help promises: `ingest -V` printed nothing (r36c)
        giveVersion(cli, cli.getCommandSpec().version());
        cli.setOut(out);
        cli.setErr(err);
        Exception[] failed = new Exception[1];
        String[] failedLine = new String[1];
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // not masked, decided (README "Folders are the exception"): the line names folders as given, and a folder
            // named by a timestamp (yyyyMMddHHmmss) masked would be one nobody can find; the usage errors,
            // which quote what was typed for a value, and the --debug trace are masked. Said once the command's
            // audit row is written or not: that it is not goes on the same line.
            failed[0] = e;
            failedLine[0] = commandLine.getCommandSpec().qualifiedName() + ": "
                    + (Interruption.signalled() ? Interruption.SAID : userMessage(e) + whyTheDatabaseWent(services, e));
            return e instanceof CommandLine.ParameterException || e instanceof org.fraudstats.access.AccessProblem.NoSuch
                    || e instanceof UserError.NamesNothing ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            // "fraudstats token create: …", "fraudstats: …" for the top level, not "fraudstats create" or "fraudstats fraudstats"
            // picocli quotes what was typed: an account number pasted into an option is masked as everywhere else
            failed[0] = e;
            failedLine[0] = e.getCommandLine().getCommandSpec().qualifiedName() + ": "
                    + org.fraudstats.storage.DigitRuns.mask(unknownCommand(e).orElse(e.getMessage())) + " (see --help)";
            return 2;
        });
        int code = cli.execute(args);
        if (failedLine[0] == null) {
            Interruption.ended(); // done: a signal from here on interrupts nothing of it
        }
        java.util.Optional<RuntimeException> notRecorded = CommandAudit.record(services, cli.getParseResult(), args, code);
        if (failedLine[0] != null && failedLine[0].endsWith(Interruption.SAID) && !Interruption.claimLine()) {
            Interruption.ended(); // the hook has said it, having waited for this line
        } else if (failedLine[0] != null) {
            // the audit log's database is most often the one the command has just said it lost: then "either" is enough
            // interrupted, the application was closed under it: why it is not recorded is that, said before
            err.println(failedLine[0] + notRecorded.map(why -> Interruption.signalled() ? "; not recorded in the audit log"
                    : org.fraudstats.storage.DatabaseDown.isCause(why) && org.fraudstats.storage.DatabaseDown.isCause(failed[0])
                    ? "; not recorded in the audit log either" : "; not recorded in the audit log: " + userMessage(why)).orElse(""));
            err.flush();
            Interruption.ended();
            if (debug) {
                printTrace(failed[0], err);
            }
        } else {
            // the command has done its work; its record is missing, which the operator must know
            notRecorded.ifPresent(why -> err.println("fraudstats: this command was not recorded in the audit log: " + userMessage(why)));
        }
        return code;
    }

    /**
     * The embedded PostgreSQL's own words for why it went away under the command, from postgres.log (a full disk's
     * PANIC), when the failure is the database lost; nothing for any other failure or an external database.
     */
    private static String whyTheDatabaseWent(Services services, Exception e) {
        if (!org.fraudstats.storage.DatabaseDown.isCause(e)) {
            return "";
        }
        return services.ifStarted(org.fraudstats.storage.EmbeddedServer.class).flatMap(org.fraudstats.storage.EmbeddedServer::failureLogged)
                .map(line -> " (postgres.log: " + org.fraudstats.storage.DigitRuns.mask(line) + ")").orElse("");
    }

    /**
     * A first word that is no command, said so with the commands there are: picocli's "Unmatched argument at index 0:
     * 'bulletins'" did not say that a command was meant (tester B).
     */
    private static java.util.Optional<String> unknownCommand(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")
                && e.getCommandLine().getParseResult() != null && !e.getCommandLine().getParseResult().hasSubcommand()) {
            return java.util.Optional.of("unknown command '" + unmatched.getUnmatched().get(0) + "': one of "
                    + String.join(", ", e.getCommandLine().getSubcommands().keySet()));
        }
        return java.util.Optional.empty();
    }

    /**
     * A command given without its subcommand (`fraudstats`, `fraudstats user`) is a usage error, exit 2: it printed the
     * usage with exit 0, and a script that lost its subcommand read success (review 30). --help prints the usage.
     */
    static CommandLine.ParameterException missingCommand(CommandLine.Model.CommandSpec spec) {
        return new CommandLine.ParameterException(spec.commandLine(), "a command is missing: one of "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
    }

    private static java.time.LocalDate isoDate(String text) {
        try {
            if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") || text.startsWith("0000")) {
                // a signed year (-0001-01-01, +10000-…) or year 0 parsed, and the command answered a period of nothing
                throw new java.time.format.DateTimeParseException("not a date of four-digit year from 0001", text, 0);
            }
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD"
                    + org.fraudstats.settings.BusinessTime.isoFormOf(text).map(iso -> ": " + iso).orElse("") + ")");
        }
    }

    /** --debug's stack trace, each line masked as the messages are: it quotes what was typed, an account number too. */
    private static void printTrace(Throwable e, PrintWriter err) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().map(org.fraudstats.storage.DigitRuns::mask).forEach(err::println);
    }

    /** The message a user can act on: ours when we raised it, else the most telling cause. */
    static String userMessage(Throwable e) {
        java.util.Optional<String> memory = org.fraudstats.storage.OutOfMemory.said(e);
        if (memory.isPresent()) {
            return memory.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a rollback that failed on the lost connection hides what failed first, the thing to say: nightly said
            // only "Connection is closed" of a database killed while it published (r34c). Where it sits, so that our
            // own message above it (drop D not loaded: …) still wins (r34f)
            if (t instanceof org.springframework.transaction.TransactionSystemException rollback && rollback.getApplicationException() != null) {
                return userMessage(rollback.getApplicationException());
            }
            if (t instanceof UnreadableFileException || t instanceof IngestFailedException || t instanceof UserError
                    || t instanceof org.fraudstats.storage.WrongAccountKey
                    || t instanceof org.fraudstats.storage.RunLock.Refused
                    || t instanceof org.fraudstats.storage.DatabaseUnavailable
                    || t instanceof org.fraudstats.storage.CannotWrite
                    || t instanceof org.fraudstats.storage.CannotRead
                    || t instanceof org.fraudstats.settings.InvalidSetting
                    || t instanceof CommandLine.ParameterException) {
                return t.getMessage();
            }
            if (t instanceof org.springframework.boot.context.properties.bind.BindException bind
                    && !causedBy(bind, org.fraudstats.settings.InvalidSetting.class)) {
                // a value of the wrong type (render-threads=abc): name the key and the value, not the converter
                Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
                return "setting " + bind.getName() + (value == null ? "" : " '" + value + "'") + " is not a valid "
                        + bind.getTarget().getType().resolve(Object.class).getSimpleName();
            }
            if (t instanceof ConnectException || org.fraudstats.storage.DatabaseDown.lostHere(t)) {
                // pgjdbc's own line says only "The connection attempt failed." of a host it cannot find (tester)
                java.util.Optional<java.net.UnknownHostException> unknown = below(t, java.net.UnknownHostException.class);
                if (unknown.isPresent()) {
                    return "database unreachable: unknown host " + unknown.get().getMessage() + " (SPRING_DATASOURCE_URL)";
                }
                // a refusal that waiting cannot mend, wrapped in the pool's timeout: said below with its setting
                if (!org.fraudstats.storage.DatabaseDown.isCause(t) && !(t instanceof ConnectException)) {
                    continue;
                }
                // the server's own words (refused, terminating connection…), not the pool's "Connection is not
                // available, request timed out after 30000ms (total=1, active=1…)" around them
                String why = org.fraudstats.storage.DatabaseDown.why(t);
                // Java's words for a certificate it cannot trust ("unable to find valid certification path…") say
                // nothing of TLS (r43b)
                return "database unreachable: " + why + (below(t, javax.net.ssl.SSLException.class).isPresent()
                        ? " (TLS to the server failed: its certificate must be trusted, sslrootcert=CA.crt in SPRING_DATASOURCE_URL, "
                        + "README \"Where data lives\")" : "");
            }
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                // the server's words, and the setting that mends it: they named neither (tester of an external server)
                String said = sql.getMessage().strip().lines().findFirst().orElse("");
                if ("28P01".equals(sql.getSQLState()) || "28000".equals(sql.getSQLState())) {
                    return said + " (SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD; for the migrations' user, "
                            + "SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD)";
                }
                if ("42501".equals(sql.getSQLState()) && said.contains("permission denied for schema")) {
                    return said + " (the migrations need a user that may create in it: SPRING_FLYWAY_USER, README \"Where data lives\")";
                }
                // the application's role at a migrated database, with no owner named for the migrations (r43b)
                if ("42501".equals(sql.getSQLState()) && said.contains("flyway_schema_history")) {
                    return said + " (the migrations run as the schema's owner at every start: SPRING_FLYWAY_USER and "
                            + "SPRING_FLYWAY_PASSWORD, README \"Where data lives\")";
                }
            }
            if (t instanceof IllegalArgumentException && "'url' must start with \"jdbc\"".equals(t.getMessage())) {
                return "SPRING_DATASOURCE_URL must start with jdbc:postgresql:// (jdbc:postgresql://HOST:5432/DATABASE)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // a file the system refused, said with why: "fraudstats generate: /proc/nope" alone was a NoSuchFileException (r36c)
        if (root instanceof java.nio.file.FileSystemException refused && refused.getReason() == null && refused.getFile() != null) {
            String why = refused instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : refused instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : refused instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : refused instanceof java.nio.file.DirectoryNotEmptyException ? "folder not empty"
                    : refused instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : refused.getClass().getSimpleName();
            return refused.getFile() + (refused.getOtherFile() == null ? "" : " -> " + refused.getOtherFile()) + ": " + why;
        }
        // one line, as cli.md promises: pgjdbc's message of a server error goes on with its Where: lines
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().strip().lines().findFirst().orElseThrow();
    }

    private static void giveVersion(CommandLine command, String[] version) {
        for (CommandLine sub : command.getSubcommands().values()) {
            sub.getCommandSpec().version(version);
            giveVersion(sub, version);
        }
    }

    /** The first cause of that type, from e down. */
    static <T extends Throwable> java.util.Optional<T> below(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return java.util.Optional.of(type.cast(t));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return below(e, type).isPresent();
    }

    /** Gives every command the services through its constructor. */
    private record ServicesFactory(Services services) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Services.class).newInstance(services);
            } catch (NoSuchMethodException noServices) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
