package org.fraudstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fraudstats.access.Actor;
import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.storage.DigitRuns;
import picocli.CommandLine;

/**
 * Records in the audit log every command run on the server that opened its database: the operating-system user,
 * client {@code cli}, action {@code cli-COMMAND} (cli-rerun, cli-ingest, cli-audit…), the arguments as typed (digit
 * runs masked) and how it ended. Before this only the changes of users and tokens were recorded from the command
 * line, so a rerun published to leadership, a load or a read of the whole audit log left no trace (MLPS tester).
 * Recorded when the command has ended, with its exit code: whoever runs the command line holds the database's
 * passwords, so recording first would stop nobody. Not recorded: the user and token commands that succeeded (each
 * change records itself; `user list`, which changes nothing, is recorded here), {@code serve} (the portal records what its users do), {@code demo} and {@code bench} (homes of their own).
 */
final class CommandAudit {

    private static final Set<String> RECORDED_ELSEWHERE = Set.of("user", "token", "serve", "demo", "bench");
    /**
     * A change of a user or a token records itself when it is made, not when it is refused (a user that exists
     * already, a weak password, an unknown name): refused on the server, it left no trace, refused on the portal, a
     * row (tester B). So a user or token command that failed is recorded here, as any other command is.
     */
    private static final Set<String> CHANGES_OF_ACCESS = Set.of("user", "token");
    private static final int LONGEST = 300;

    private CommandAudit() {
    }

    /** @return why the command is not in the audit log, when it should be and could not be written */
    static Optional<RuntimeException> record(Services services, CommandLine.ParseResult parsed, String[] args, int exitCode) {
        if (parsed == null) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>();
        for (CommandLine.ParseResult p = parsed.subcommand(); p != null; p = p.subcommand()) {
            path.add(p.commandSpec().name());
        }
        // `user` or `token` alone changes nothing: its missing subcommand is a usage error, not a refused change (it
        // started the database to record one: review 30b)
        boolean refusedChangeOfAccess = path.size() > 1 && CHANGES_OF_ACCESS.contains(path.get(0)) && exitCode != 0;
        // `user list` changes nothing, so records nothing of itself: a read of every account left no trace (r40d)
        boolean readOfAccess = path.equals(List.of("user", "list"));
        if (path.isEmpty() || RECORDED_ELSEWHERE.contains(path.get(0)) && !refusedChangeOfAccess && !readOfAccess) {
            return Optional.empty();
        }
        // a command that never opened the database is not recorded, except a change of a user or a token refused before
        // it did (a weak password, an unknown role, --expires-days out of range: checked first), which opens it now: a
        // shell trying weak administrator passwords left no row where the portal's refusal leaves one (review). Not
        // when the database was tried and would not start: that is the error the command has just said.
        if (!services.started() && (!refusedChangeOfAccess || services.tried())) {
            return Optional.empty();
        }
        // a password typed where a user or token command wants a name is kept as its length, as the sign-in page keeps it
        // (review r35d: "user password Typed!Secret2026" was recorded as typed, in a log nothing may change)
        String typed;
        try {
            org.fraudstats.access.Users users = CHANGES_OF_ACCESS.contains(path.get(0)) ? services.get(org.fraudstats.access.Users.class) : null;
            typed = DigitRuns.mask(String.join(" ", users == null ? List.of(args) : java.util.Arrays.stream(args).map(users::shown).toList()));
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
        String object = typed.length() > LONGEST ? typed.substring(0, LONGEST) + "…" : typed;
        Actor actor = Actor.commandLine();
        try {
            services.get(AuditTrail.class).record(new AuditEvent(actor.user(), actor.role(), actor.client(),
                    "cli-" + String.join("-", path), object, exitCode != 0 ? "failure: exit " + exitCode + (services.refusal() == null ? "" : ": " + services.refusal())
                    : services.outcome() == null ? "success" : "success: " + services.outcome()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }
}
