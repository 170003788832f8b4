package org.fraudstats.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.fraudstats.access.AccessProblem;
import org.fraudstats.access.Actor;
import org.fraudstats.access.PasswordPolicy;
import org.fraudstats.access.Role;
import org.fraudstats.access.UserAccount;
import org.fraudstats.access.Users;
import org.fraudstats.settings.BusinessTime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `user add|list|disable|enable|password|totp` (web.md; enable is ours): the people who may sign in to the portal and the API. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the users of the portal and the API (one role each; every change is audited).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.Enable.class,
                UserCommand.Password.class, UserCommand.TotpEnrol.class})
class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingCommand(spec);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. Without --password-stdin a strong password is generated and printed once, alone on standard output.")
    static class Add implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "1 to 64 letters, digits, '.', '_' or '-'")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "leader, statistician, press, admin or auditor")
        String role;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        private final Services services;

        Add(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            Role chosen = role(spec, role);
            try {
                Users.checkName(name);
            } catch (AccessProblem e) {
                // what was typed is wrong, like an unknown role: a usage error (exit 2), before a password is read
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            String password = passwordStdin ? checkedPassword(spec, services, name) : PasswordPolicy.generate(name);
            UserAccount added = services.get(Users.class).add(name, chosen, password, Actor.commandLine());
            var out = spec.commandLine().getOut();
            if (passwordStdin) {
                out.println("added user " + added.name() + " (" + added.role().code() + ")");
            } else {
                out.println(password);
                spec.commandLine().getErr().println("added user " + added.name() + " (" + added.role().code()
                        + "); the password above is shown only now, and is changed at the first sign-in");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users, by name (no password or key is shown).")
    static class ListUsers implements Callable<Integer> {

        enum Format { csv, json }

        @Option(names = "--format", defaultValue = "csv", description = "csv (default) or json")
        Format format;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        private final Services services;

        ListUsers(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            List<UserAccount> users = services.get(Users.class).list();
            if (format == Format.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (UserAccount user : users) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", user.name());
                    row.put("role", user.role().code());
                    row.put("enabled", user.enabled());
                    row.put("totp", totp(user));
                    row.put("locked_until", user.lockedUntil() == null ? null : shanghai(user.lockedUntil()));
                    row.put("created_at", shanghai(user.createdAt()));
                    row.put("last_signed_in_at", user.lastSignedInAt() == null ? null : shanghai(user.lastSignedInAt()));
                    rows.add(row);
                }
                out.print(org.fraudstats.storage.IndentedJson.mapper().writeValueAsString(rows) + "\n");
            } else {
                try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
                    csv.writeRecord("name", "role", "enabled", "totp", "locked_until", "created_at", "last_signed_in_at");
                    for (UserAccount user : users) {
                        csv.writeRecord(user.name(), user.role().code(), Boolean.toString(user.enabled()), totp(user),
                                user.lockedUntil() == null ? "" : shanghai(user.lockedUntil()), shanghai(user.createdAt()),
                                user.lastSignedInAt() == null ? "" : shanghai(user.lastSignedInAt()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.flush();
            return 0;
        }

        /** none, pending (enrolled, no code accepted yet) or enrolled. */
        private static String totp(UserAccount user) {
            return !user.totpEnrolled() ? "none" : user.totpConfirmed() ? "enrolled" : "pending";
        }

        private static String shanghai(java.time.OffsetDateTime time) {
            return BusinessTime.isoSeconds(time.toInstant());
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: sign-in is refused, open sessions end at once, tokens are refused from their next request on.")
    static class Disable extends OneUser {

        Disable(Services services) {
            super(services);
        }

        @Override
        String change(Users users, String name) {
            if (!users.disable(name, Actor.commandLine())) {
                return "user " + name + " is already disabled: nothing changed";
            }
            // done as asked (the operator may be replacing the account), but the last administrator or auditor gone
            // leaves nobody to manage users or read the audit log until one is enabled or added here (r40d)
            Role role = users.find(name).map(org.fraudstats.access.UserAccount::role).orElse(null);
            if ((role == Role.ADMIN || role == Role.AUDITOR)
                    && users.list().stream().noneMatch(u -> u.role() == role && u.enabled())) {
                spec.commandLine().getErr().println("fraudstats user disable: warning: no enabled " + role.code() + " is left: `user enable NAME` "
                        + "or `user add NAME --role " + role.code() + "` makes one");
            }
            return "disabled user " + name;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Enable a disabled user again. The tokens it had stay ended (it makes new ones); its password stays.")
    static class Enable extends OneUser {

        Enable(Services services) {
            super(services);
        }

        @Override
        String change(Users users, String name) {
            var ended = users.enable(name, Actor.commandLine());
            return ended.isEmpty() ? "user " + name + " is not disabled: nothing changed"
                    : "enabled user " + name + (ended.get().isEmpty() ? ""
                            : "; the tokens it had (" + ended.get().size() + ") were ended: it makes new ones at /account");
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Set a user's password (clears a lock). Without --password-stdin a strong one is generated and printed once.")
    static class Password implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        private final Services services;

        Password(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            String password = passwordStdin ? checkedPassword(spec, services, name) : PasswordPolicy.generate(name);
            try {
                services.get(Users.class).changePassword(name, password, Actor.commandLine());
            } catch (PasswordPolicy.WeakPassword weak) {
                // the current password given again: a usage error, as a weak one is
                services.refused(weak.getMessage());
                throw new CommandLine.ParameterException(spec.commandLine(), weak.getMessage());
            }
            var out = spec.commandLine().getOut();
            if (passwordStdin) {
                out.println("changed the password of " + name);
            } else {
                out.println(password);
                spec.commandLine().getErr().println("changed the password of " + name
                        + "; the password above is shown only now, and is changed at the next sign-in");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "totp", mixinStandardHelpOptions = true,
            description = "Enrol a user in two-factor sign-in: prints the otpauth:// URI once, for an authenticator app "
                    + "(the sign-in page also shows it as a QR code until a first code is accepted). Replaces any earlier key.")
    static class TotpEnrol extends OneUser {

        TotpEnrol(Services services) {
            super(services);
        }

        @Override
        String change(Users users, String name) {
            return users.enrolTotp(name, Actor.commandLine());
        }
    }

    /** A change of one user, NAME, that prints one line. */
    abstract static class OneUser implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        private final Services services;

        OneUser(Services services) {
            this.services = services;
        }

        /** Makes the change (audited by Users) and returns the line to print. */
        abstract String change(Users users, String name);

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(change(services.get(Users.class), name));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static Role role(CommandSpec spec, String code) {
        return Role.ofCode(code).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--role '" + code + "' is not a role: leader, statistician, press, admin or auditor"));
    }

    /** The first line of standard input, checked against the policy before anything is started (exit 2 if weak). */
    static String checkedPassword(CommandSpec spec, Services services, String name) {
        String password = firstLine(services.input());
        if (password == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--password-stdin: standard input is empty");
        }
        try {
            PasswordPolicy.check(name, password);
        } catch (PasswordPolicy.WeakPassword weak) {
            services.refused(weak.getMessage());
            throw new CommandLine.ParameterException(spec.commandLine(), weak.getMessage());
        }
        return password;
    }

    /** Read byte by byte up to the first line end: nothing after it is consumed or kept. */
    private static String firstLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
