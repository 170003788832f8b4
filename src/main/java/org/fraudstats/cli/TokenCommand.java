package org.fraudstats.cli;

import java.util.concurrent.Callable;

import org.fraudstats.access.Actor;
import org.fraudstats.access.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `token create NAME [--expires-days N]` (web.md): a personal API token for scripts. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Personal API tokens (Authorization: Bearer TOKEN).",
        subcommands = TokenCommand.Create.class)
class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingCommand(spec);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token carrying NAME's role and print it once, alone on standard output (only its hash is kept).")
    static class Create implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--expires-days", paramLabel = "N",
                description = "days until it expires (default " + Tokens.DEFAULT_DAYS + "; for an administrator or auditor "
                        + Tokens.PRIVILEGED_MAX_DAYS + ", and at most that)")
        Integer days;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        private final Services services;

        Create(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            if (days != null && (days < 1 || days > Tokens.MAX_DAYS)) {
                // at least 1 alone: the most depends on the user's role (an administrator's or auditor's 30), told next
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), days < 1
                        ? "--expires-days " + days + " is out of range: at least 1"
                        : "--expires-days " + days + " is out of range: 1 to " + Tokens.MAX_DAYS);
            }
            Tokens tokens = services.get(Tokens.class);
            String token;
            try {
                token = days == null ? tokens.create(name, Actor.commandLine()) : tokens.create(name, days, Actor.commandLine());
            } catch (Tokens.TooLong e) {
                // too long for an administrator or auditor is a usage error, as out of range is (cli.md: exit 2); the
                // refusal is audited by Tokens
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
